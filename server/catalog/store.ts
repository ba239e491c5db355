/**
 * Reads the catalog back from the database, validating each row with the core
 * schemas (stored data is checked like any other input). Each service carries
 * its current version (migration 0013).
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

/** The version column is the record (the seeded file's rows carry none in their data). */
const SERVICE = "data || jsonb_build_object('version', version) AS data";

/** An active service: what new requests may be made for. */
export async function getService(db: Queryable, code: string): Promise<Service | undefined> {
  const [row] = await db.query<{ data: unknown }>(
    `SELECT ${SERVICE} FROM services WHERE service_code = $1 AND active`,
    [code],
  );
  return row ? serviceSchema.parse(row.data) : undefined;
}

/**
 * Any service, switched off or not: for reading requests already made (their service's
 * name in a lookup, a message, an Open311 record), which keep working when it is off.
 */
export async function getAnyService(db: Queryable, code: string): Promise<Service | undefined> {
  const [row] = await db.query<{ data: unknown }>(`SELECT ${SERVICE} FROM services WHERE service_code = $1`, [
    code,
  ]);
  return row ? serviceSchema.parse(row.data) : undefined;
}

/** The active services (the public catalog, Open311 services), or with `all` those switched off too. */
export async function listServices(db: Queryable, all = false): Promise<Service[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT ${SERVICE} FROM services ${all ? '' : 'WHERE active'} ORDER BY position, service_code`,
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
