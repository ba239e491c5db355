/**
 * New requests per client address from callers without a session (the
 * citizen app's sync, Open311 clients): each request made is counted in the
 * rate-limit table (rate-limit.ts, key `submit|address`), and once an address
 * has made `max` within the window, further new requests are refused with
 * 429 and Retry-After until the oldest ages out. A batch is let through
 * whole when the address is under the limit, so one device's offline backlog
 * (up to MAX_BATCH requests in one call) is never split, and the overshoot is
 * at most one batch. Staff, officers and kiosks send with a session and are
 * not counted: they work through many requests a day from one office.
 */
import type { Queryable } from '../db/types';
import { retryAfter, type FailureLimit } from './rate-limit';

/**
 * 100 new requests an hour per address: a device's offline backlog of a few
 * dozen, with room for a connection many people share (an office's wifi, a
 * carrier's NAT), while a flood of thousands is refused after the first 100.
 */
export const SUBMIT_LIMIT: FailureLimit = { max: 100, windowMinutes: 60 };

export function submitKey(ip: string): string {
  return `submit|${ip}`;
}

/** The limit in force: the server's setting (null turns it off), else the default. */
export function submitLimitOf(setting: FailureLimit | null | undefined): FailureLimit | null {
  return setting === undefined ? SUBMIT_LIMIT : setting;
}

/** Seconds until this address may make new requests again, or 0 when it may now. */
export async function submitWait(
  db: Queryable,
  ip: string,
  now: Date,
  limit: FailureLimit | null,
): Promise<number> {
  return limit ? retryAfter(db, submitKey(ip), now, limit) : 0;
}

/** Counts `count` new requests made by this address now. */
export async function recordSubmissions(
  db: Queryable,
  ip: string,
  now: Date,
  count: number,
  limit: FailureLimit | null,
): Promise<void> {
  if (!limit || count <= 0) return;
  await db.query('INSERT INTO login_failures (key, at) SELECT $1, $2 FROM generate_series(1, $3::int)', [
    submitKey(ip),
    now,
    count,
  ]);
  // Rows older than the window no longer count; this key's are dropped here (the index is on key, at).
  await db.query('DELETE FROM login_failures WHERE key = $1 AND at < $2', [
    submitKey(ip),
    new Date(now.getTime() - limit.windowMinutes * 60_000),
  ]);
}
