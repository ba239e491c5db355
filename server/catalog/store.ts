/**
 * Reads the catalog back from the database, validating each row with the core
 * schemas (stored data is checked like any other input).
 */
import { jurisdictionSchema, serviceSchema, type Jurisdiction, type Service } from '../../src/core/catalog';
import type { Queryable } from '../db/types';

export async function getJurisdiction(db: Queryable): Promise<Jurisdiction> {
  const [row] = await db.query<{ data: unknown }>(
    'SELECT data FROM jurisdictions ORDER BY created_at LIMIT 1',
  );
  if (!row) throw new Error('the catalog has not been seeded');
  return jurisdictionSchema.parse(row.data);
}

export async function getService(db: Queryable, code: string): Promise<Service | undefined> {
  const [row] = await db.query<{ data: unknown }>(
    'SELECT data FROM services WHERE service_code = $1 AND active',
    [code],
  );
  return row ? serviceSchema.parse(row.data) : undefined;
}

export async function listServices(db: Queryable): Promise<Service[]> {
  const rows = await db.query<{ data: unknown }>(
    'SELECT data FROM services WHERE active ORDER BY position, service_code',
  );
  return rows.map((r) => serviceSchema.parse(r.data));
}

/**
 * A per-operation cache: a sync batch looks up the same few services many
 * times, and the catalog does not change within one request.
 */
export class CatalogReader {
  private readonly services = new Map<string, Promise<Service | undefined>>();
  private jurisdiction: Promise<Jurisdiction> | undefined;

  constructor(private readonly db: Queryable) {}

  service(code: string): Promise<Service | undefined> {
    let s = this.services.get(code);
    if (!s) {
      s = getService(this.db, code);
      this.services.set(code, s);
    }
    return s;
  }

  getJurisdiction(): Promise<Jurisdiction> {
    this.jurisdiction ??= getJurisdiction(this.db);
    return this.jurisdiction;
  }
}
