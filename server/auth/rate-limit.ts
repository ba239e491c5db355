/**
 * Sign-in attempts per e-mail and client address: after MAX_FAILURES wrong
 * passwords within the window, further attempts are refused until the oldest
 * failure ages out. Kept in the database so every server process counts the
 * same attempts.
 */
import type { Queryable } from '../db/types';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

export function attemptKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function retryAfter(db: Queryable, key: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const rows = await db.query<{ at: Date }>(
    'SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3',
    [key, since, MAX_FAILURES],
  );
  const oldest = rows[MAX_FAILURES - 1];
  if (!oldest) return 0;
  return Math.max(1, Math.ceil((oldest.at.getTime() + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
}

export async function recordFailure(db: Queryable, key: string, now: Date): Promise<void> {
  await db.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, now]);
  await db.query('DELETE FROM login_failures WHERE at < $1', [new Date(now.getTime() - 24 * 3600_000)]);
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}
