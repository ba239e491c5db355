/**
 * Feedback on a request the council has finished: queued as a sync event and
 * kept on the request, like everything else the person adds after sending.
 * Storing only: the page asks src/sync for a flush once it is queued.
 */
import { feedbackEvent, type FixedAnswer } from '../core/events';
import { uuidv7 } from '../core/ids';
import { db, nowIso } from './database';
import { DataError, guardWrite } from './errors';
import { getRequest } from './requests';

/**
 * Queues the person's satisfaction (1–5, optional comment, and whether it is
 * fixed) and keeps it on the request, in one transaction. Throws DataError
 * 'not_found', 'not_sent' (no tracking number yet, so the server could not
 * place it) or 'invalid'.
 */
export async function addFeedback(
  requestId: string,
  rating: number,
  comment?: string,
  fixed?: FixedAnswer,
): Promise<void> {
  const text = comment?.trim();
  await guardWrite(() =>
    db.transaction('rw', db.requests, db.outbox, async () => {
      const request = await getRequest(requestId);
      if (!request) throw new DataError('not_found');
      if (request.tracking === undefined || request.token === undefined) throw new DataError('not_sent');
      const now = Date.now();
      const at = nowIso(now);
      const parsed = feedbackEvent.safeParse({
        id: uuidv7(now),
        at,
        type: 'feedback',
        tracking: request.tracking,
        token: request.token,
        rating,
        ...(fixed ? { fixed } : {}),
        ...(text ? { comment: text } : {}),
      });
      if (!parsed.success) throw new DataError('invalid');
      await db.outbox.add({
        id: parsed.data.id,
        event: parsed.data,
        created_at: at,
        attempts: 0,
        next_attempt_at: now,
      });
      await db.requests.update(requestId, {
        feedback: { rating, ...(fixed ? { fixed } : {}), ...(text ? { comment: text } : {}), at },
      });
    }),
  );
}
