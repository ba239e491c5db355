/**
 * Keeps the service catalog on the device fresh, in the person's language:
 * GET /api/catalog?lang= brings the services' own texts (the fallback) and
 * the translations into that language only; another language is fetched
 * when the person picks it (start.ts). Each language's last ETag goes with
 * the request, so an unchanged catalog costs a 304 of a few hundred bytes on
 * 2G. The answer is validated (leniently: fields a newer server added are
 * dropped, see lenient.ts) before it replaces what is stored. Offline, the
 * stored catalog stays.
 */
import { catalogSchema } from '../core/catalog';
import type { Lang } from '../core/lang';
import { catalogEtag, saveCatalog } from '../db/catalog';
import { db } from '../db/database';
import { StorageFullError } from '../db/errors';
import { CATALOG_PATH } from './catalog-path';
import { apiUrl, flushDeps, type FlushDeps } from './flush-deps';
import { lenient } from './lenient';

export { CATALOG_PATH };

export type CatalogRefresh = 'updated' | 'unchanged' | 'offline' | 'invalid' | 'error' | 'storage_full';

const catalogAnswerSchema = lenient(catalogSchema);

export function catalogUrl(lang: Lang): string {
  return `${CATALOG_PATH}?lang=${lang}`;
}

/** Never rejects for network trouble or a full disk; the outcome says what happened. */
export async function refreshCatalog(
  lang: Lang,
  overrides: Partial<FlushDeps> = {},
): Promise<CatalogRefresh> {
  const deps = flushDeps(overrides);
  // Without services stored, an ETag match would leave the device with nothing.
  const etag = (await db.services.count()) > 0 ? await catalogEtag(lang) : undefined;
  let res: Response;
  try {
    res = await deps.fetch(apiUrl(deps, catalogUrl(lang)), {
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
  const parsed = catalogAnswerSchema.safeParse(body);
  if (!parsed.success) return 'invalid';
  try {
    await saveCatalog(parsed.data, lang, res.headers.get('ETag') ?? undefined);
  } catch (e) {
    // The old catalog is still there (one transaction); the person can still fill forms.
    if (e instanceof StorageFullError) return 'storage_full';
    throw e;
  }
  return 'updated';
}
