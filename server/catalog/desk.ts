/**
 * What the desk's catalog pages read: every service (on or off) with its
 * version and who last changed it, and one service with its history. Stored
 * definitions are checked with the core schema like any other input.
 */
import { serviceSchema, type Service } from '../../src/core/catalog';
import type { Queryable } from '../db/types';

export interface DeskServiceRow {
  readonly service: Service;
  readonly active: boolean;
  readonly updated_at: string;
  readonly updated_by: string | null;
}

export interface VersionRow {
  readonly version: number;
  readonly active: boolean;
  readonly created_at: string;
  readonly created_by: string | null;
}

interface Row {
  data: unknown;
  version: number;
  active: boolean;
  updated_at: Date;
  updated_by: string | null;
}

const SELECT = `SELECT s.data, s.version, s.active, s.updated_at, coalesce(u.name, u.email) AS updated_by
  FROM services s
  LEFT JOIN service_versions v ON v.service_code = s.service_code AND v.version = s.version
  LEFT JOIN users u ON u.id = v.created_by`;

const toDesk = (r: Row): DeskServiceRow => ({
  service: serviceSchema.parse({ ...(r.data as object), version: r.version }),
  active: r.active,
  updated_at: r.updated_at.toISOString(),
  updated_by: r.updated_by,
});

export async function deskServices(db: Queryable): Promise<DeskServiceRow[]> {
  const rows = await db.query<Row>(`${SELECT} ORDER BY s.position, s.service_code`);
  return rows.map(toDesk);
}

export async function deskService(db: Queryable, code: string): Promise<DeskServiceRow | undefined> {
  const [row] = await db.query<Row>(`${SELECT} WHERE s.service_code = $1`, [code]);
  return row ? toDesk(row) : undefined;
}

/** Newest first. */
export async function serviceVersions(db: Queryable, code: string): Promise<VersionRow[]> {
  const rows = await db.query<{
    version: number;
    active: boolean;
    created_at: Date;
    created_by: string | null;
  }>(
    `SELECT v.version, v.active, v.created_at, coalesce(u.name, u.email) AS created_by
     FROM service_versions v LEFT JOIN users u ON u.id = v.created_by
     WHERE v.service_code = $1 ORDER BY v.version DESC`,
    [code],
  );
  return rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() }));
}
