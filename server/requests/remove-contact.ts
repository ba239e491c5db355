/**
 * Removing a person's contact details from a request: name, phone, e-mail,
 * their consent to messages, every push subscription, and messages not yet
 * sent (nothing is left to send them to). The request itself, its history
 * and every figure built on it stay. An internal history event records when
 * and why: 'retention' (the sweep, a set time after the request finished) or
 * 'person' (asked with the tracking number and access code).
 */
import type { Actor } from '../auth/roles';
import type { Queryable } from '../db/types';
import { appendEvent } from './history';

export type RemovalReason = 'retention' | 'person';

export async function removeContact(
  tx: Queryable,
  requestId: string,
  reason: RemovalReason,
  at: Date,
  actor: Actor,
): Promise<void> {
  await tx.query(
    `UPDATE requests SET contact_name = NULL, contact_phone = NULL, contact_email = NULL,
       contact_consent = false, notify_email = false, notify_sms = false,
       contact_removed_at = $2, contact_removed_reason = $3
     WHERE id = $1`,
    [requestId, at, reason],
  );
  await tx.query('DELETE FROM push_subscriptions WHERE request_id = $1', [requestId]);
  await tx.query(
    `UPDATE notifications SET state = 'cancelled', last_error = 'contact details removed'
     WHERE request_id = $1 AND state IN ('pending', 'retry')`,
    [requestId],
  );
  await appendEvent(tx, {
    requestId,
    kind: 'contact_removed',
    actor,
    at,
    public: false,
    data: { reason },
  });
}
