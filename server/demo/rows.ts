/**
 * Many requests and their history in a few statements, for the demo data,
 * the dashboard benchmark and the figures' fixtures: each call is one INSERT
 * … SELECT FROM jsonb_to_recordset, a multi-row insert of up to `CHUNK` rows
 * (one row at a time would take minutes on PGlite for a year of requests).
 * Rows go in as given: no validation, no notifications — this is for data
 * that stands for history, never for what a person sends.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types';

export interface RequestRowSpec {
  readonly id?: string;
  readonly tracking: string;
  readonly service_code: string;
  readonly status: string;
  readonly channel: string;
  readonly language: string;
  readonly submitted_at: string;
  readonly due: string;
  readonly acknowledged_at?: string | null;
  readonly resolved_at?: string | null;
  readonly closed_at?: string | null;
  readonly updated_at?: string | null;
  readonly rating?: number | null;
  readonly rating_comment?: string | null;
  readonly fixed?: 'yes' | 'partly' | 'no' | null;
  readonly rated_at?: string | null;
  readonly lat?: number | null;
  readonly long?: number | null;
  readonly description?: string | null;
  readonly address_string?: string | null;
  readonly contact_name?: string | null;
  readonly contact_phone?: string | null;
  readonly contact_email?: string | null;
}

export interface EventRowSpec {
  readonly request_id: string;
  readonly kind: string;
  readonly actor: string;
  readonly actor_user_id?: string | null;
  readonly at: string;
  readonly public: boolean;
  readonly status_from?: string | null;
  readonly status_to?: string | null;
  readonly message?: string | null;
  /** Minutes staff spent (request_events.staff_minutes, the desk's migration); dropped when that column is missing. */
  readonly staff_minutes?: number | null;
}

const CHUNK = 5000;

async function hasColumn(db: Queryable, table: string, column: string): Promise<boolean> {
  // pg_attribute, not information_schema.columns: the view took 15–90 ms on PGlite,
  // asked on every dashboard. to_regclass follows the search path (a test's schema).
  const rows = await db.query(
    `SELECT 1 FROM pg_attribute
     WHERE attrelid = to_regclass($1) AND attname = $2 AND attnum > 0 AND NOT attisdropped`,
    [table, column],
  );
  return rows.length > 0;
}

export function hasStaffMinutes(db: Queryable): Promise<boolean> {
  return hasColumn(db, 'request_events', 'staff_minutes');
}

/** Inserts the requests (ids made where missing) and returns their ids in order. */
export async function insertRequestRows(db: Queryable, rows: readonly RequestRowSpec[]): Promise<string[]> {
  const full = rows.map((r) => {
    const id = r.id ?? randomUUID();
    return {
      ...r,
      id,
      // Never a real token: nobody can look these up with one.
      token_hash: createHash('sha256').update(`seed:${id}`).digest('hex'),
      source_event_id: randomUUID(),
      updated_at: r.updated_at ?? r.closed_at ?? r.resolved_at ?? r.acknowledged_at ?? r.submitted_at,
      contact_consent: Boolean(r.contact_email ?? r.contact_phone),
    };
  });
  for (let i = 0; i < full.length; i += CHUNK) {
    await db.query(
      `INSERT INTO requests (id, tracking, token_hash, source_event_id, service_code, status, channel, language,
         description, address_string, lat, long, contact_name, contact_phone, contact_email, contact_consent,
         due, submitted_at, received_at, updated_at, acknowledged_at, resolved_at, closed_at,
         rating, rating_comment, fixed, rated_at)
       SELECT id, tracking, token_hash, source_event_id, service_code, status, channel, language,
         description, address_string, lat, long, contact_name, contact_phone, contact_email, contact_consent,
         due, submitted_at, submitted_at, updated_at, acknowledged_at, resolved_at, closed_at,
         rating, rating_comment, fixed, rated_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, tracking text, token_hash text, source_event_id uuid,
         service_code text, status text, channel text, language text, description text, address_string text,
         lat float8, long float8, contact_name text, contact_phone text, contact_email text, contact_consent boolean,
         due date, submitted_at timestamptz, updated_at timestamptz, acknowledged_at timestamptz,
         resolved_at timestamptz, closed_at timestamptz, rating int, rating_comment text, fixed text,
         rated_at timestamptz)`,
      [JSON.stringify(full.slice(i, i + CHUNK))],
    );
  }
  return full.map((r) => r.id);
}

export async function insertEventRows(db: Queryable, rows: readonly EventRowSpec[]): Promise<void> {
  const minutes = await hasStaffMinutes(db);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.query(
      `INSERT INTO request_events (request_id, kind, actor, actor_user_id, at, public, status_from, status_to,
         message${minutes ? ', staff_minutes' : ''})
       SELECT request_id, kind, actor, actor_user_id, at, public, status_from, status_to, message
         ${minutes ? ', staff_minutes' : ''}
       FROM jsonb_to_recordset($1::jsonb) AS x(request_id uuid, kind text, actor text, actor_user_id uuid,
         at timestamptz, public boolean, status_from text, status_to text, message text, staff_minutes real)`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}
