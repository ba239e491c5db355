/**
 * Keeps the service catalog on the device fresh: GET /api/catalog with the
 * last ETag (a 304 costs a few bytes on 2G), validated with catalogSchema
 * before it replaces what is stored. Offline, the stored catalog stays.
 */
import { catalogSchema } from '../core/catalog';
import { saveCatalog } from '../db/catalog';
import { db } from '../db/database';
import { StorageFullError } from '../db/errors';
import { getMeta } from '../db/meta';
import { CATALOG_PATH } from './catalog-path';
import { apiUrl, flushDeps, type FlushDeps } from './flush-deps';

export { CATALOG_PATH };

export type CatalogRefresh = 'updated' | 'unchanged' | 'offline' | 'invalid' | 'error' | 'storage_full';

/** Never rejects for network trouble or a full disk; the outcome says what happened. */
export async function refreshCatalog(overrides: Partial<FlushDeps> = {}): Promise<CatalogRefresh> {
  const deps = flushDeps(overrides);
  // Without services stored, an ETag match would leave the device with nothing.
  const etag = (await db.services.count()) > 0 ? await getMeta('catalogEtag') : undefined;
  let res: Response;
  try {
    res = await deps.fetch(apiUrl(deps, CATALOG_PATH), {
      headers: { Accept: 'application/json', ...(etag !== undefined ? { 'If-None-Match': etag } : {}) },
    });
  } catch {
    return 'offline';
  }
  if (res.status === 304) return 'unchanged';
  if (!res.ok) return 'error';
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return 'invalid';
  }
  const parsed = catalogSchema.safeParse(body);
  if (!parsed.success) return 'invalid';
  try {
    await saveCatalog(parsed.data, res.headers.get('ETag') ?? undefined);
  } catch (e) {
    // The old catalog is still there (one transaction); the person can still fill forms.
    if (e instanceof StorageFullError) return 'storage_full';
    throw e;
  }
  return 'updated';
}
