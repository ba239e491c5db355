/**
 * Requests made on this device, for "My requests", the receipt page and
 * feedback. Sending and receipts are the flush's job (receipts.ts); this
 * module reads, and queues what the person adds later (feedback).
 */
import { liveQuery, type Observable } from 'dexie';
import { feedbackEvent } from '../core/events';
import { uuidv7 } from '../core/ids';
import { requestFlush } from '../sync/scheduler';
import { db, nowIso } from './database';
import { DataError, guardWrite } from './errors';
import { isRequestRecord } from './guards';
import type { RequestRecord } from './records';

export { returnToDraft } from './receipts';

/** Every request of this device, newest first; updates as receipts and changes arrive. */
export function liveRequests(): Observable<RequestRecord[]> {
  return liveQuery(async () => {
    const rows = await db.requests.orderBy('created_at').reverse().toArray();
    return rows.filter(isRequestRecord);
  });
}

/** One request, live (for the receipt page, which changes from "waiting" to the tracking number). */
export function liveRequest(id: string): Observable<RequestRecord | undefined> {
  return liveQuery(() => getRequest(id));
}

export async function getRequest(id: string): Promise<RequestRecord | undefined> {
  const row = await db.requests.get(id);
  return isRequestRecord(row) ? row : undefined;
}

export async function getRequestByTracking(tracking: string): Promise<RequestRecord | undefined> {
  const row = await db.requests.where('tracking').equals(tracking).first();
  return isRequestRecord(row) ? row : undefined;
}

/**
 * Queues the person's satisfaction (1–5, optional comment) and keeps it on
 * the request, in one transaction. Throws DataError 'not_found', 'not_sent'
 * (no tracking number yet, so the server could not place it) or 'invalid'.
 */
export async function addFeedback(requestId: string, rating: number, comment?: string): Promise<void> {
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
      await db.requests.update(requestId, { feedback: { rating, ...(text ? { comment: text } : {}), at } });
    }),
  );
  requestFlush();
}
