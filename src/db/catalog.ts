/**
 * The service catalog on the device: saved from GET /api/catalog?lang= (see
 * src/sync/catalog.ts) so every form opens offline, read back validated.
 * Each answer carries the services' own texts and one language's
 * translations; the translations into languages fetched earlier are kept
 * beside it, each with the ETag of the answer it came from, so switching
 * back to a language costs a 304 and works offline.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Catalog, Jurisdiction, Service } from '../core/catalog';
import type { Lang } from '../core/lang';
import { db, nowIso } from './database';
import { guardWrite } from './errors';
import { serviceOf } from './guards';
import { getMeta, setMeta } from './meta';
import type { ServiceRecord } from './records';

/** The stored catalog's ETag for one language, if its translations are on the device. */
export async function catalogEtag(lang: Lang): Promise<string | undefined> {
  return (await getMeta('catalogEtags'))?.[lang];
}

/**
 * Replaces the catalog in one transaction with the server's answer in `lang`:
 * a service the jurisdiction no longer offers disappears, and a reader never
 * sees half of each version. A service keeps the translations into other
 * languages it already had (they are checked again when that language is
 * next picked: its ETag no longer matches if they changed).
 */
export async function saveCatalog(catalog: Catalog, lang: Lang, etag?: string): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.services, db.meta, async () => {
      const before = new Map((await readServices()).map((s) => [s.service_code, s]));
      const rows: ServiceRecord[] = catalog.services.map((service, position) => {
        const kept = before.get(service.service_code)?.i18n ?? {};
        const i18n = { ...kept, ...service.i18n };
        // Without a translation in this answer, an old one for `lang` would be out of date.
        if (service.i18n[lang] === undefined) delete i18n[lang];
        return { service_code: service.service_code, service: { ...service, i18n }, position };
      });
      await db.services.clear();
      await db.services.bulkPut(rows);
      await setMeta('jurisdiction', catalog.jurisdiction);
      await setMeta('catalogFetchedAt', nowIso());
      const etags = { ...(await getMeta('catalogEtags')), [lang]: etag };
      if (etag === undefined) delete etags[lang];
      await setMeta('catalogEtags', etags);
    }),
  );
}

async function readServices(): Promise<Service[]> {
  const rows = await db.services.toArray();
  rows.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return rows.flatMap((r) => serviceOf(r) ?? []);
}

/** Every valid service in the server's order; re-emits when the catalog changes (any tab). */
export function liveServices(): Observable<Service[]> {
  return liveQuery(readServices);
}

export async function getService(code: string): Promise<Service | undefined> {
  const row = await db.services.get(code);
  return row ? serviceOf(row) : undefined;
}

export async function getJurisdiction(): Promise<Jurisdiction | undefined> {
  return getMeta('jurisdiction');
}
