/**
 * Retry policy of the outbox: exponential backoff with full jitter (a random
 * delay between 0 and min(cap, base·2^(n−1)) after the n-th failure), forever.
 * Jitter spreads the retries of many phones that lost the same network at the
 * same moment, so the server is not hit by all of them at once when it returns.
 */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** Delay after the `attempts`-th failure (attempts ≥ 1); `random` returns [0, 1). */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  // Past 2^20 the cap has long been reached; stop the power before it overflows.
  const exponent = Math.min(Math.max(attempts, 1) - 1, 20);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/**
 * The delay before the next try: the backoff, but never sooner than the
 * server asked for with Retry-After (429, 503), and never beyond the cap.
 */
export function retryDelay(attempts: number, random: () => number, retryAfterMs?: number): number {
  const delay = backoffDelay(attempts, random);
  return retryAfterMs === undefined ? delay : Math.min(BACKOFF_CAP_MS, Math.max(delay, retryAfterMs));
}

/** Retry-After as seconds or an HTTP date → milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Worth retrying: the server or the path to it is the problem, not the request. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}
