/**
 * Service worker: wiring of events only. Precaches the app shell (the list is
 * injected at build time), serves any navigation with the cached index.html so
 * deep links open offline, caches the service catalog, flushes the outbox on
 * Background Sync, shows web push notifications (push.ts), and activates a
 * new version only when the page asks.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { registerRuntimeCaching } from './runtime-cache';
import { registerCatalogCache } from './catalog-cache';
import { handleSync } from './sync';
import { registerPush } from './push';

declare let self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // /stop/: the one-click stop link in messages is a server page, not the app.
    denylist: [/^\/api\//, /^\/open311\//, /^\/stop\//],
  }),
);
registerRuntimeCaching();
registerCatalogCache();

// The first install takes control at once so the app works offline from the
// first visit; later versions wait for the person to agree (see src/sync/register-sw.ts).
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

// Background Sync (Chromium): the outbox is flushed even when no tab is open.
self.addEventListener('sync', handleSync);

// Web push: a notification per request update, and tapping it opens the request.
registerPush();
