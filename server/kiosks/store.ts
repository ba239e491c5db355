/**
 * Kiosks in the database: registering one (with a one-time enrolment code),
 * a device exchanging that code for its credential, finding the kiosk behind
 * a credential, changing settings, revoking. Codes and credentials are random
 * (128 and 256 bits), so a plain SHA-256 of each is what the table keeps.
 */
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../src/core/ids';
import { DEFAULT_KIOSK_SETTINGS, kioskSettingsSchema, type KioskSettings } from '../../src/core/kiosk';
import type { Queryable } from '../db/types';
import { sha256Hex } from '../requests/token';

/** How long an enrolment link works: long enough to walk to the device, short enough to forget. */
export const ENROL_DAYS = 7;

export interface Kiosk {
  readonly id: string;
  readonly name: string;
  readonly settings: KioskSettings;
  readonly enrolled_at: Date | null;
  readonly created_at: Date;
  readonly revoked_at: Date | null;
  /** The last API call with its credential (migration 0010), to the minute. */
  readonly last_seen_at: Date | null;
}

/** The kiosk behind a device's credential, as the sync and kiosk routes see it. */
export type KioskCaller = Pick<Kiosk, 'id' | 'name' | 'settings' | 'revoked_at'>;

const COLUMNS = 'id, name, settings, enrolled_at, created_at, revoked_at, last_seen_at';

/** Stored settings are read back through the schema; anything unreadable falls back to the defaults. */
function readRow<T extends { settings: unknown }>(row: T): T & { settings: KioskSettings } {
  const parsed = kioskSettingsSchema.safeParse({ ...DEFAULT_KIOSK_SETTINGS, ...(row.settings as object) });
  return { ...row, settings: parsed.success ? parsed.data : DEFAULT_KIOSK_SETTINGS };
}

function newEnrolCode(now: Date): { code: string; hash: string; expires: Date } {
  const code = randomBytes(16).toString('base64url');
  return { code, hash: sha256Hex(code), expires: new Date(now.getTime() + ENROL_DAYS * 86_400_000) };
}

export async function addKiosk(
  db: Queryable,
  input: { name: string; settings: KioskSettings },
  now: Date,
): Promise<{ kiosk: Kiosk; code: string; expires: Date }> {
  const enrol = newEnrolCode(now);
  const [row] = await db.query<Kiosk>(
    `INSERT INTO kiosks (id, name, settings, enrol_code_hash, enrol_expires_at, created_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6) RETURNING ${COLUMNS}`,
    [uuidv7(), input.name, JSON.stringify(input.settings), enrol.hash, enrol.expires, now],
  );
  if (!row) throw new Error('kiosk insert returned nothing');
  return { kiosk: readRow(row), code: enrol.code, expires: enrol.expires };
}

/** A fresh enrolment code for a kiosk that is not revoked (a replacement device, an expired link). */
export async function renewEnrolCode(
  db: Queryable,
  id: string,
  now: Date,
): Promise<{ code: string; expires: Date } | undefined> {
  const enrol = newEnrolCode(now);
  const rows = await db.query(
    `UPDATE kiosks SET enrol_code_hash = $2, enrol_expires_at = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, enrol.hash, enrol.expires],
  );
  return rows.length > 0 ? { code: enrol.code, expires: enrol.expires } : undefined;
}

/**
 * Exchanges a one-time code for a new device credential, in one statement so a
 * code can be used once only. A kiosk has one device: enrolling again replaces
 * the previous device's credential.
 */
export async function enrolDevice(
  db: Queryable,
  code: string,
  now: Date,
): Promise<{ kiosk: KioskCaller; credential: string } | undefined> {
  const credential = randomBytes(32).toString('base64url');
  const [row] = await db.query<KioskCaller>(
    `UPDATE kiosks SET credential_hash = $2, enrolled_at = $3, enrol_code_hash = NULL, enrol_expires_at = NULL
     WHERE enrol_code_hash = $1 AND enrol_expires_at > $3 AND revoked_at IS NULL
     RETURNING id, name, settings, revoked_at`,
    [sha256Hex(code), sha256Hex(credential), now],
  );
  return row ? { kiosk: readRow(row), credential } : undefined;
}

/** Notes that a kiosk reached the server; a write at most once a minute per kiosk. */
export async function markKioskSeen(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE kiosks SET last_seen_at = $2
     WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $2::timestamptz - interval '1 minute')`,
    [id, now],
  );
}

/** The kiosk a credential belongs to, revoked or not (a revoked kiosk still gets its own answer). */
export async function findKioskByCredential(
  db: Queryable,
  credential: string,
): Promise<KioskCaller | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(credential)) return undefined;
  const [row] = await db.query<KioskCaller>(
    'SELECT id, name, settings, revoked_at FROM kiosks WHERE credential_hash = $1',
    [sha256Hex(credential)],
  );
  return row ? readRow(row) : undefined;
}

export async function listKiosks(db: Queryable): Promise<Kiosk[]> {
  const rows = await db.query<Kiosk>(`SELECT ${COLUMNS} FROM kiosks ORDER BY created_at, id`);
  return rows.map(readRow);
}

export async function findKiosk(db: Queryable, id: string): Promise<Kiosk | undefined> {
  const [row] = await db.query<Kiosk>(`SELECT ${COLUMNS} FROM kiosks WHERE id = $1`, [id]);
  return row ? readRow(row) : undefined;
}

export async function renameKiosk(db: Queryable, id: string, name: string): Promise<Kiosk | undefined> {
  const [row] = await db.query<Kiosk>(`UPDATE kiosks SET name = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [
    id,
    name,
  ]);
  return row ? readRow(row) : undefined;
}

export async function updateKioskSettings(
  db: Queryable,
  id: string,
  settings: KioskSettings,
): Promise<Kiosk | undefined> {
  const [row] = await db.query<Kiosk>(
    `UPDATE kiosks SET settings = $2::jsonb WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, JSON.stringify(settings)],
  );
  return row ? readRow(row) : undefined;
}

/** Revokes once; a second call keeps the first time. An unused enrolment code stops working too. */
export async function revokeKiosk(db: Queryable, id: string, now: Date): Promise<Kiosk | undefined> {
  const [row] = await db.query<Kiosk>(
    `UPDATE kiosks SET revoked_at = COALESCE(revoked_at, $2), enrol_code_hash = NULL, enrol_expires_at = NULL
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, now],
  );
  return row ? readRow(row) : undefined;
}
