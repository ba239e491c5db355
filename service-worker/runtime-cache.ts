/**
 * Caching strategies for what is not precached: lazily loaded chunks (other
 * locales, staff and officer code) are cached when first used.
 */
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare let self: ServiceWorkerGlobalScope;

export const CHUNK_CACHE = 'civic-chunks-v1';
export const SCORECARD_CACHE = 'civic-scorecard-v1';

export function registerRuntimeCaching(): void {
  // Hashed file names never change content, so cache-first is safe.
  registerRoute(
    ({ url, request }) =>
      url.origin === self.location.origin &&
      url.pathname.startsWith('/assets/') &&
      (request.destination === 'script' || request.destination === 'style' || request.destination === ''),
    new CacheFirst({ cacheName: CHUNK_CACHE }),
  );
  // The public scorecard: fresh when online, the last copy when not (the public room keeps nothing else).
  registerRoute(
    ({ url }) => url.origin === self.location.origin && url.pathname === '/api/public/scorecard',
    new NetworkFirst({ cacheName: SCORECARD_CACHE, networkTimeoutSeconds: 5 }),
  );
}
