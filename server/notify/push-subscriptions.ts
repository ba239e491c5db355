/**
 * Push subscriptions per request: a device that holds the request's access
 * token registers one to be told by web push (that is the person's consent
 * for this channel), or removes it. A few devices per request at most, so a
 * token cannot be used to make the server push to endless endpoints.
 */
import { uuidv7 } from '../../src/core/ids';
import type { PushSubscriptionJson } from '../../src/core/push';
import type { Db } from '../db/types';
import { findRequestWithToken } from '../requests/read';

export const MAX_SUBSCRIPTIONS_PER_REQUEST = 5;

export type SubscribeResult = 'created' | 'updated' | 'not_found' | 'stopped' | 'too_many';

export function subscribe(
  db: Db,
  input: { tracking: string; token: string; language: string; subscription: PushSubscriptionJson },
): Promise<SubscribeResult> {
  return db.transaction(async (tx) => {
    const r = await findRequestWithToken(tx, input.tracking, input.token, { forUpdate: true });
    if (!r) return 'not_found';
    const [state] = await tx.query<{ stopped: boolean; n: number }>(
      `SELECT notify_stopped_at IS NOT NULL AS stopped,
         (SELECT count(*)::int FROM push_subscriptions WHERE request_id = $1) AS n
       FROM requests WHERE id = $1`,
      [r.id],
    );
    if (state?.stopped) return 'stopped';
    const { endpoint, keys } = input.subscription;
    const updated = await tx.query(
      `UPDATE push_subscriptions SET p256dh = $3, auth = $4, language = $5 WHERE request_id = $1 AND endpoint = $2
       RETURNING id`,
      [r.id, endpoint, keys.p256dh, keys.auth, input.language],
    );
    if (updated.length > 0) return 'updated';
    if ((state?.n ?? 0) >= MAX_SUBSCRIPTIONS_PER_REQUEST) return 'too_many';
    await tx.query(
      `INSERT INTO push_subscriptions (id, request_id, endpoint, p256dh, auth, language) VALUES ($1, $2, $3, $4, $5, $6)`,
      [uuidv7(), r.id, endpoint, keys.p256dh, keys.auth, input.language],
    );
    return 'created';
  });
}

export async function unsubscribe(
  db: Db,
  input: { tracking: string; token: string; endpoint: string },
): Promise<boolean | 'not_found'> {
  const r = await findRequestWithToken(db, input.tracking, input.token);
  if (!r) return 'not_found';
  const gone = await db.query(
    'DELETE FROM push_subscriptions WHERE request_id = $1 AND endpoint = $2 RETURNING id',
    [r.id, input.endpoint],
  );
  return gone.length > 0;
}
