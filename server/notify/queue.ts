/**
 * The notification queue in PostgreSQL. A worker claims due rows with
 * FOR UPDATE SKIP LOCKED and marks them 'sending' in the same statement, so
 * two workers — in one process or in two servers on one database — never
 * hold the same row; the send happens after that commit, and its outcome is
 * recorded only by the worker that claimed it. A row left 'sending' by a
 * process that died mid-send is failed, not sent again: the message may have
 * gone out, and at most once is the promise.
 */
import type { Queryable } from '../db/types';
import type { NotifyKind } from './kinds';

export type NotifyChannel = 'email' | 'sms' | 'push';

export interface ClaimedRow {
  id: number;
  request_id: string;
  channel: NotifyChannel;
  subscription_id: string | null;
  kind: NotifyKind;
  language: string;
  data: { status: string | null; message: string | null; duplicate_of: string | null; due: string };
  attempts: number;
  give_up_at: Date;
}

/** Longer than any send may take (each channel times out well before), so a live send is never failed. */
export const SENDING_LEASE_MS = 10 * 60 * 1000;

/** Fails rows no attempt may start on any more: past their 72 hours, or interrupted mid-send. */
export async function expireRows(db: Queryable, now: Date): Promise<void> {
  await db.query(
    `UPDATE notifications SET state = 'failed',
       last_error = coalesce(last_error || ' — ', '') || 'not sent within 72 hours'
     WHERE state IN ('pending', 'retry') AND give_up_at <= $1`,
    [now],
  );
  await db.query(
    `UPDATE notifications SET state = 'failed',
       last_error = 'interrupted while sending (the server stopped); not sent again, to avoid a duplicate'
     WHERE state = 'sending' AND claimed_at <= $1`,
    [new Date(now.getTime() - SENDING_LEASE_MS)],
  );
}

export async function claimDue(
  db: Queryable,
  worker: string,
  now: Date,
  limit: number,
): Promise<ClaimedRow[]> {
  return db.query<ClaimedRow>(
    `WITH due AS (
       SELECT id FROM notifications
       WHERE state IN ('pending', 'retry') AND next_attempt_at <= $1 AND give_up_at > $1
       ORDER BY next_attempt_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE notifications n SET state = 'sending', attempts = n.attempts + 1, claimed_by = $3, claimed_at = $1
     FROM due WHERE n.id = due.id
     RETURNING n.id, n.request_id, n.channel, n.subscription_id, n.kind, n.language, n.data, n.attempts, n.give_up_at`,
    [now, limit, worker],
  );
}

type Outcome =
  | { state: 'delivered' }
  | { state: 'retry'; error: string; nextAt: Date }
  | { state: 'failed' | 'cancelled'; error: string };

/** Records the outcome; only the claiming worker's claim counts. */
export async function settle(db: Queryable, row: ClaimedRow, worker: string, now: Date, o: Outcome) {
  await db.query(
    `UPDATE notifications SET state = $3,
       sent_at = CASE WHEN $3 = 'delivered' THEN $4::timestamptz ELSE sent_at END,
       next_attempt_at = coalesce($5::timestamptz, next_attempt_at),
       last_error = CASE WHEN $3 = 'delivered' THEN last_error ELSE $6 END
     WHERE id = $1 AND state = 'sending' AND claimed_by = $2`,
    [
      row.id,
      worker,
      o.state,
      now,
      o.state === 'retry' ? o.nextAt : null,
      o.state === 'delivered' ? null : o.error.slice(0, 1000),
    ],
  );
}

/**
 * When to try again after `attempts` tries: 30 s, 2 min, 8 min, 32 min, about
 * 2 h, then every 6 h, while the 72 hours last.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 6 * 3600_000);
}
