/**
 * Seeds the catalog on first start: reads the demo catalog file, validates it
 * with the core catalogSchema and stores the jurisdiction and one JSONB row
 * per service, each as its version 1. A database that already has a jurisdiction is left alone, so a
 * restart reuses the data (and any catalog edits made since).
 */
import { readFile } from 'node:fs/promises';
import { catalogSchema, type Catalog } from '../../src/core/catalog';
import type { Db } from '../db/types';
import { demoCatalogPath } from '../paths';

export async function readCatalogFile(file: string = demoCatalogPath()): Promise<Catalog> {
  const parsed = catalogSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`invalid catalog ${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Returns true when it stored the catalog, false when one was already there. */
export async function seedCatalog(db: Db, catalog?: Catalog): Promise<boolean> {
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM jurisdictions');
  if ((existing?.n ?? 0) > 0) return false;
  const data = catalog ?? (await readCatalogFile());
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO jurisdictions (jurisdiction_id, data) VALUES ($1, $2)
       ON CONFLICT (jurisdiction_id) DO NOTHING RETURNING jurisdiction_id`,
      [data.jurisdiction.jurisdiction_id, JSON.stringify(data.jurisdiction)],
    );
    // Another process seeded at the same moment: its rows stand.
    if (inserted.length === 0) return false;
    await tx.query(
      `INSERT INTO services (service_code, group_code, position, data)
       SELECT s->>'service_code', s->>'group_code', (ord - 1)::int, s
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(s, ord)
       ON CONFLICT (service_code) DO NOTHING`,
      [JSON.stringify(data.services)],
    );
    // Version 1 of each, by nobody: the file as seeded (catalog/admin.ts adds the later ones).
    await tx.query(
      `INSERT INTO service_versions (service_code, version, active, definition)
       SELECT service_code, version, active, data || jsonb_build_object('version', version) FROM services
       ON CONFLICT DO NOTHING`,
    );
    return true;
  });
}
