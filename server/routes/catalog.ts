/**
 * GET /api/catalog: the jurisdiction and every active service with all its
 * translations, for the device to cache and render forms from offline. An
 * ETag lets a device that already has it get a 304 of a few bytes.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { getJurisdiction, listServices } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';

export function catalogRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', etag(), async (c) => {
    const [jurisdiction, services] = [await getJurisdiction(deps.db), await listServices(deps.db)];
    // Devices revalidate: a changed catalog reaches them on their next connection.
    c.header('Cache-Control', 'no-cache');
    return c.json({ jurisdiction, services });
  });
  return app;
}
