/**
 * The outbox as the UI sees it: how much is waiting to be sent. The flush
 * (src/sync) owns sending and removing entries (queue.ts, receipts.ts).
 */
import { liveQuery, type Observable } from 'dexie';
import { db } from './database';

/** Events waiting to be sent ("N waiting to send"); re-emits on every change in any tab or the worker. */
export function liveOutboxCount(): Observable<number> {
  return liveQuery(() => db.outbox.filter((e) => e.rejected === undefined).count());
}

/** Requests (not their photos or feedback) still waiting to be sent. */
export function liveWaitingRequestCount(): Observable<number> {
  return liveQuery(() => db.requests.filter((r) => r.state === 'waiting').count());
}
