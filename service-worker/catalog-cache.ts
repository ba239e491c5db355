/**
 * Runtime caching of the service catalog (GET /api/catalog). The app keeps the
 * catalog in IndexedDB anyway; this copy lets the first page load after an
 * install, or a page whose database was cleared, still get it offline.
 * Network first, since a stale catalog can offer a service that is gone; a
 * short timeout so a 2G connection that hangs falls back to the copy.
 */
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { CATALOG_PATH } from '../src/sync/catalog-path';

declare let self: ServiceWorkerGlobalScope;

export const CATALOG_CACHE = 'civic-catalog-v1';

export function registerCatalogCache(): void {
  registerRoute(
    ({ url }) => url.origin === self.location.origin && url.pathname === CATALOG_PATH,
    new NetworkFirst({ cacheName: CATALOG_CACHE, networkTimeoutSeconds: 4 }),
    'GET',
  );
}
