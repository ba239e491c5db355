/**
 * Requests made on this device, for the home page, "My requests", the receipt
 * page and feedback. Sending and receipts are the flush's job (receipts.ts);
 * what the person adds later is queued by feedback.ts. This module only reads.
 */
import { liveQuery, type Observable } from 'dexie';
import { db } from './database';
import { isRequestRecord } from './guards';
import type { RequestRecord } from './records';

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
