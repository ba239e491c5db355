/**
 * The catalog kept by managers (routes/staff-catalog.ts): adding a service,
 * saving a changed definition, switching one on or off. Every change is
 * checked by the core serviceSchema and is a new version: the current one in
 * `services`, each one kept in `service_versions` with who and when
 * (migration 0013). A save names the version it was made on; if someone saved
 * meanwhile it is refused (`version_conflict`) rather than overwrite their work.
 * The served catalog changes with the version, so its ETag does and devices
 * fetch it on their next sync.
 */
import { serviceSchema, type Attribute, type Service } from '../../src/core/catalog';
import { issueFields } from '../issues';
import type { Db, Queryable } from '../db/types';

export type SaveResult =
  | { ok: true; service: Service; active: boolean }
  | { ok: false; status: 400 | 404 | 409; error: string; fields?: string[]; version?: number };

/**
 * Which version each required question has been required since: a question newly made
 * required (added, or switched to required) from this version on, so drafts begun before
 * are not blocked by it (src/core/validate.ts).
 */
function markRequiredSince(next: Service, prev: Service | undefined, version: number): Attribute[] {
  return next.attributes.map((a) => {
    const { required_since: _drop, ...rest } = a;
    if (!a.required || !a.variable || !prev) return rest;
    const before = prev.attributes.find((p) => p.code === a.code);
    if (before?.required && before.variable)
      return before.required_since === undefined ? rest : { ...rest, required_since: before.required_since };
    return { ...rest, required_since: version };
  });
}

interface Current {
  readonly data: unknown;
  readonly version: number;
  readonly active: boolean;
}

async function lockCurrent(tx: Queryable, code: string): Promise<Current | undefined> {
  const [row] = await tx.query<Current>(
    'SELECT data, version, active FROM services WHERE service_code = $1 FOR UPDATE',
    [code],
  );
  return row;
}

async function writeVersion(
  tx: Queryable,
  service: Service,
  active: boolean,
  userId: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO service_versions (service_code, version, active, definition, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [service.service_code, service.version, active, JSON.stringify(service), userId, now],
  );
}

function invalid(error: { issues: readonly unknown[] } & Parameters<typeof issueFields>[0]): SaveResult {
  return { ok: false, status: 400, error: 'invalid', fields: issueFields(error) };
}

/**
 * Adds a service (`baseVersion` null) or saves a new version of it. `code` is the
 * service's address for a change; the definition may not rename it.
 */
export async function saveService(
  db: Db,
  input: { definition: unknown; baseVersion: number | null; code?: string },
  userId: string,
  now: Date,
): Promise<SaveResult> {
  const parsed = serviceSchema.safeParse(input.definition);
  if (!parsed.success) return invalid(parsed.error);
  const next = parsed.data;
  if (input.code !== undefined && next.service_code !== input.code)
    return { ok: false, status: 400, error: 'invalid', fields: ['service_code'] };
  return db.transaction(async (tx) => {
    const current = await lockCurrent(tx, next.service_code);
    if (input.baseVersion === null) {
      if (current) return { ok: false, status: 409, error: 'code_taken', fields: ['service_code'] };
      const service: Service = { ...next, version: 1, attributes: markRequiredSince(next, undefined, 1) };
      await tx.query(
        `INSERT INTO services (service_code, group_code, position, active, data, version, updated_at)
         VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM services), true, $3, 1, $4)`,
        [service.service_code, service.group_code, JSON.stringify(service), now],
      );
      await writeVersion(tx, service, true, userId, now);
      return { ok: true, service, active: true };
    }
    if (!current) return { ok: false, status: 404, error: 'not_found' };
    if (current.version !== input.baseVersion)
      return { ok: false, status: 409, error: 'version_conflict', version: current.version };
    const prev = serviceSchema.parse({ ...(current.data as object), version: current.version });
    const version = current.version + 1;
    const service: Service = { ...next, version, attributes: markRequiredSince(next, prev, version) };
    await tx.query(
      `UPDATE services SET data = $2, group_code = $3, version = $4, updated_at = $5 WHERE service_code = $1`,
      [service.service_code, JSON.stringify(service), service.group_code, version, now],
    );
    await writeVersion(tx, service, current.active, userId, now);
    return { ok: true, service, active: current.active };
  });
}

/**
 * Switches a service on or off, as a version of its own. Off: it leaves the public catalog
 * and Open311's service list, new requests for it are refused (unknown_service), and the
 * requests already made keep working (store.ts getAnyService).
 */
export async function setServiceActive(
  db: Db,
  code: string,
  active: boolean,
  baseVersion: number,
  userId: string,
  now: Date,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const current = await lockCurrent(tx, code);
    if (!current) return { ok: false, status: 404, error: 'not_found' };
    if (current.version !== baseVersion)
      return { ok: false, status: 409, error: 'version_conflict', version: current.version };
    const version = current.version + 1;
    const service = serviceSchema.parse({ ...(current.data as object), version });
    await tx.query(
      `UPDATE services SET data = $2, version = $3, active = $4, updated_at = $5 WHERE service_code = $1`,
      [code, JSON.stringify(service), version, active, now],
    );
    await writeVersion(tx, service, active, userId, now);
    return { ok: true, service, active };
  });
}
