/**
 * Writes the notification rows for one public change, inside the transaction
 * that makes the change: one row for e-mail and one for SMS when the person
 * agreed to them, one per registered push subscription. Nothing is written
 * once the person has stopped messages for the request. The worker
 * (worker.ts) sends them after the change commits; a rolled-back change
 * leaves no row behind.
 */
import type { Status } from '../../src/core/status';
import type { Queryable } from '../db/types';
import type { NotifyKind } from './kinds';

/** The window in which a message is tried; after it the row is failed. */
export const GIVE_UP_AFTER_HOURS = 72;

export interface ChangeToTell {
  readonly requestId: string;
  readonly eventSeq: number;
  readonly kind: NotifyKind;
  readonly status: Status | null;
  readonly message: string | null;
  /** The original's tracking number, for a duplicate. */
  readonly duplicateOf: string | null;
}

/** Returns how many rows were written. */
export async function enqueueNotifications(tx: Queryable, c: ChangeToTell): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO notifications (request_id, event_seq, channel, subscription_id, kind, language, data,
       next_attempt_at, give_up_at, created_at)
     SELECT r.id, $2, ch.channel, ch.sub, $3, coalesce(ch.lang, r.language),
       jsonb_build_object('status', $4::text, 'message', $5::text, 'duplicate_of', $6::text, 'due', r.due::text),
       now(), now() + make_interval(hours => $7), now()
     FROM requests r
     CROSS JOIN LATERAL (
       SELECT 'email' AS channel, NULL::uuid AS sub, NULL::text AS lang
         WHERE r.notify_email AND r.contact_email IS NOT NULL
       UNION ALL SELECT 'sms', NULL, NULL WHERE r.notify_sms AND r.contact_phone IS NOT NULL
       UNION ALL SELECT 'push', s.id, s.language FROM push_subscriptions s WHERE s.request_id = r.id
     ) AS ch
     WHERE r.id = $1 AND r.notify_stopped_at IS NULL
     RETURNING id`,
    [c.requestId, c.eventSeq, c.kind, c.status, c.message, c.duplicateOf, GIVE_UP_AFTER_HOURS],
  );
  return rows.length;
}
