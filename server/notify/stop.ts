/**
 * The one-click stop: every message about one request ends. Waiting rows are
 * cancelled, push subscriptions dropped, and no new rows are written
 * (enqueue.ts checks notify_stopped_at). In-app updates go on: the device
 * still pulls its changes, which is not a message.
 */
import type { Db } from '../db/types';
import { isStopKey } from './links';

export interface StopTarget {
  readonly id: string;
  readonly tracking: string;
  readonly language: string;
  readonly stopped: boolean;
}

/** The request behind a stop link, when the key is right. */
export async function findStopTarget(
  db: Db,
  secret: Buffer,
  tracking: string,
  key: string,
): Promise<StopTarget | undefined> {
  const [r] = await db.query<{ id: string; tracking: string; language: string; stopped: boolean }>(
    'SELECT id, tracking, language, notify_stopped_at IS NOT NULL AS stopped FROM requests WHERE tracking = $1',
    [tracking],
  );
  return r && isStopKey(secret, r.id, key) ? r : undefined;
}

/** Returns how many waiting messages were cancelled. */
export function stopMessages(db: Db, requestId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('UPDATE requests SET notify_stopped_at = coalesce(notify_stopped_at, $2) WHERE id = $1', [
      requestId,
      now,
    ]);
    await tx.query('DELETE FROM push_subscriptions WHERE request_id = $1', [requestId]);
    const cancelled = await tx.query(
      `UPDATE notifications SET state = 'cancelled', last_error = 'stopped by the person'
       WHERE request_id = $1 AND state IN ('pending', 'retry') RETURNING id`,
      [requestId],
    );
    return cancelled.length;
  });
}
