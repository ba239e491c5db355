/**
 * The service catalog on the device: saved whole from GET /api/catalog (see
 * src/sync/catalog.ts) so every form opens offline, read back validated.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Catalog, Jurisdiction, Service } from '../core/catalog';
import { db, nowIso } from './database';
import { guardWrite } from './errors';
import { serviceOf } from './guards';
import { getMeta, setMeta } from './meta';
import type { ServiceRecord } from './records';

/**
 * Replaces the catalog in one transaction: a service the jurisdiction no
 * longer offers disappears, and a reader never sees half of each version.
 */
export async function saveCatalog(catalog: Catalog, etag?: string): Promise<void> {
  const rows: ServiceRecord[] = catalog.services.map((service, position) => ({
    service_code: service.service_code,
    service,
    position,
  }));
  await guardWrite(() =>
    db.transaction('rw', db.services, db.meta, async () => {
      await db.services.clear();
      await db.services.bulkPut(rows);
      await setMeta('jurisdiction', catalog.jurisdiction);
      await setMeta('catalogFetchedAt', nowIso());
      if (etag !== undefined) await setMeta('catalogEtag', etag);
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
