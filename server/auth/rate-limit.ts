/**
 * Failed attempts per key (sign-in: e-mail and client address; request
 * look-ups: client address; new requests without a session, which counts
 * every request made rather than failures: submit-limit.ts): after `max` failures within the window, further
 * attempts are refused until the oldest failure ages out. Kept in the
 * database so every server process counts the same attempts. The table is
 * named for its first use, sign-in; keys carry a prefix per use.
 */
import type { Queryable } from '../db/types';

export interface FailureLimit {
  readonly max: number;
  readonly windowMinutes: number;
}

/** Staff sign-in: 5 wrong passwords per e-mail and address in 15 minutes. */
export const LOGIN_LIMIT: FailureLimit = { max: 5, windowMinutes: 15 };
export const MAX_FAILURES = LOGIN_LIMIT.max;
export const WINDOW_MINUTES = LOGIN_LIMIT.windowMinutes;
/** Failures are forgotten after a day whatever their limit; no limit may have a longer window. */
const KEEP_MS = 24 * 3600_000;

export function attemptKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function retryAfter(
  db: Queryable,
  key: string,
  now: Date,
  limit: FailureLimit = LOGIN_LIMIT,
): Promise<number> {
  const windowMs = limit.windowMinutes * 60_000;
  const rows = await db.query<{ at: Date }>(
    'SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3',
    [key, new Date(now.getTime() - windowMs), limit.max],
  );
  const oldest = rows[limit.max - 1];
  if (!oldest) return 0;
  return Math.max(1, Math.ceil((oldest.at.getTime() + windowMs - now.getTime()) / 1000));
}

export async function recordFailure(db: Queryable, key: string, now: Date): Promise<void> {
  await db.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, now]);
  await db.query('DELETE FROM login_failures WHERE at < $1', [new Date(now.getTime() - KEEP_MS)]);
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}
