/**
 * The request's history: every change is one row in request_events, with who
 * and when and whether the person may see it. Public entries are what the
 * citizen's device and the tracking page show.
 *
 * appendEvent is the one door every change passes through (staff API, sync
 * events from officers' devices, Open311), so it is also where the person's
 * notifications are written, in the same transaction as the change.
 */
import type { Status } from '../../src/core/status';
import { actorLabel, actorUserId, type Actor } from '../auth/roles';
import type { Queryable } from '../db/types';
import { enqueueNotifications } from '../notify/enqueue';
import { notifyKindOf } from '../notify/kinds';
import type { EventKind, RequestEventRow } from './types';

export interface NewEvent {
  readonly requestId: string;
  readonly kind: EventKind;
  readonly actor: Actor;
  readonly at: Date;
  readonly public: boolean;
  readonly statusFrom?: Status | null;
  readonly statusTo?: Status | null;
  readonly message?: string | null;
  readonly data?: Record<string, unknown> | null;
}

export async function appendEvent(tx: Queryable, e: NewEvent): Promise<void> {
  const [row] = await tx.query<{ seq: number }>(
    `INSERT INTO request_events (request_id, kind, actor, actor_user_id, at, public, status_from, status_to, message, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq`,
    [
      e.requestId,
      e.kind,
      actorLabel(e.actor),
      actorUserId(e.actor),
      e.at,
      e.public,
      e.statusFrom ?? null,
      e.statusTo ?? null,
      e.message ?? null,
      e.data ? JSON.stringify(e.data) : null,
    ],
  );
  const kind = notifyKindOf(e);
  if (!kind || !row) return;
  const original = e.data?.['duplicate_of'];
  await enqueueNotifications(tx, {
    requestId: e.requestId,
    eventSeq: row.seq,
    kind,
    status: e.statusTo ?? null,
    message: e.message ?? null,
    duplicateOf: typeof original === 'string' ? original : null,
  });
}

/** One entry of the public history, as src/core/sync-changes historyEntrySchema describes it. */
export interface PublicHistoryEntry {
  at: string;
  status?: Status;
  message?: string;
}

export function toPublicEntry(e: Pick<RequestEventRow, 'at' | 'status_to' | 'message'>): PublicHistoryEntry {
  return {
    at: e.at.toISOString(),
    ...(e.status_to ? { status: e.status_to } : {}),
    ...(e.message ? { message: e.message } : {}),
  };
}

/** Public entries of several requests, oldest first, grouped by request id. */
export async function publicHistories(
  db: Queryable,
  requestIds: readonly string[],
): Promise<Map<string, PublicHistoryEntry[]>> {
  const out = new Map<string, PublicHistoryEntry[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return out;
  const rows = await db.query<Pick<RequestEventRow, 'request_id' | 'at' | 'status_to' | 'message'>>(
    `SELECT request_id, at, status_to, message FROM request_events
     WHERE request_id = ANY($1::uuid[]) AND public ORDER BY seq`,
    [requestIds],
  );
  for (const r of rows) out.get(r.request_id)?.push(toPublicEntry(r));
  return out;
}

/** Every event of one request, internal ones included (staff view). */
export async function fullHistory(db: Queryable, requestId: string): Promise<RequestEventRow[]> {
  return db.query<RequestEventRow>(
    `SELECT seq, request_id, kind, actor, actor_user_id, at, public, status_from, status_to, message, data
     FROM request_events WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
}
