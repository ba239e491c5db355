/**
 * The queries only Open311 needs, written against the server's tables
 * (requests, request_events, api_keys). Nothing here selects contact details,
 * and only public events are read.
 */
import type { Queryable } from '../db/types';
import { sha256Hex } from '../requests/token';
import { REQUEST_COLUMNS, type RequestRow } from '../requests/types';
import type { Status } from '../../src/core/status';
import { MAX_RESULTS, type Window } from './query';

/** Our statuses that Open311 calls open; every other one is closed (lifecycle.ts open311Status). */
const OPEN_STATUSES: readonly Status[] = ['submitted', 'acknowledged', 'in_progress'];

/** The key's id when it is known and not revoked. Keys are stored as SHA-256 hex. */
export async function apiKeyId(db: Queryable, key: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    'SELECT id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [sha256Hex(key)],
  );
  return row?.id;
}

export async function requestsByTracking(db: Queryable, trackings: readonly string[]): Promise<RequestRow[]> {
  if (trackings.length === 0) return [];
  return db.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM requests WHERE tracking = ANY($1::text[]) ORDER BY submitted_at DESC, tracking`,
    [trackings],
  );
}

export interface Search {
  readonly window: Window;
  readonly serviceCodes?: readonly string[] | undefined;
  readonly open311Statuses?: readonly ('open' | 'closed')[] | undefined;
  /** 1-based; with pageSize, which the spec caps at 1000. */
  readonly page: number;
  readonly pageSize: number;
}

/** Newest first; ties broken by the unique tracking number, so pages never overlap or skip. */
export async function searchRequests(db: Queryable, s: Search): Promise<RequestRow[]> {
  const wanted = new Set(s.open311Statuses ?? ['open', 'closed']);
  // Both or neither: no status filter at all.
  const openFilter = wanted.size === 1 ? wanted.has('open') : null;
  return db.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM requests
     WHERE submitted_at >= $1 AND submitted_at <= $2
       AND ($3::text[] IS NULL OR service_code = ANY($3::text[]))
       AND ($4::boolean IS NULL OR (status = ANY($5::text[])) = $4::boolean)
     ORDER BY submitted_at DESC, tracking LIMIT $6 OFFSET $7`,
    [
      s.window.start,
      s.window.end,
      s.serviceCodes ?? null,
      openFilter,
      OPEN_STATUSES,
      s.pageSize,
      (s.page - 1) * s.pageSize,
    ],
  );
}

/** The Open311 token of a request is the id of the call that created it (not its secret access token). */
export async function trackingBySourceEvent(db: Queryable, eventId: string): Promise<string | undefined> {
  const [row] = await db.query<{ tracking: string }>(
    'SELECT tracking FROM requests WHERE source_event_id = $1',
    [eventId],
  );
  return row?.tracking;
}

/** The latest public message of each request: its Open311 status_notes. */
export async function latestPublicMessages(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ request_id: string; message: string }>(
    `SELECT DISTINCT ON (request_id) request_id, message FROM request_events
     WHERE request_id = ANY($1::uuid[]) AND public AND message IS NOT NULL AND message <> ''
     ORDER BY request_id, seq DESC`,
    [ids],
  );
  return new Map(rows.map((r) => [r.request_id, r.message]));
}

/** Kinds of public event that are news about a request (the citizen's own feedback is not). */
export const UPDATE_KINDS = ['acknowledged', 'status_changed', 'note', 'duplicate'] as const;

export interface UpdateRow {
  readonly seq: number;
  readonly tracking: string;
  readonly kind: string;
  readonly at: Date;
  readonly message: string | null;
  /** The request's status right after this event. */
  readonly status: Status;
}

export async function publicUpdates(
  db: Queryable,
  window: Window,
  trackings: readonly string[] | undefined,
): Promise<UpdateRow[]> {
  return db.query<UpdateRow>(
    `SELECT e.seq, r.tracking, e.kind, e.at, e.message,
       coalesce(e.status_to, (SELECT p.status_to FROM request_events p
          WHERE p.request_id = e.request_id AND p.status_to IS NOT NULL AND p.seq < e.seq
          ORDER BY p.seq DESC LIMIT 1), r.status) AS status
     FROM request_events e JOIN requests r ON r.id = e.request_id
     WHERE e.public AND e.kind = ANY($1::text[]) AND e.at >= $2 AND e.at <= $3
       AND ($4::text[] IS NULL OR r.tracking = ANY($4::text[]))
     ORDER BY e.at, e.seq LIMIT $5`,
    [UPDATE_KINDS, window.start, window.end, trackings ?? null, MAX_RESULTS],
  );
}

export interface NoteRow {
  readonly request_id: string;
  readonly kind: string;
  readonly at: Date;
  readonly status_to: Status | null;
  readonly message: string | null;
}

/** Public history of several requests, oldest first: the notes of extensions=true. */
export async function publicNotes(db: Queryable, ids: readonly string[]): Promise<Map<string, NoteRow[]>> {
  const out = new Map<string, NoteRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.query<NoteRow>(
    `SELECT request_id, kind, at, status_to, message FROM request_events
     WHERE request_id = ANY($1::uuid[]) AND public AND kind = ANY($2::text[]) ORDER BY seq`,
    [ids, ['created', ...UPDATE_KINDS]],
  );
  for (const r of rows) out.get(r.request_id)?.push(r);
  return out;
}
