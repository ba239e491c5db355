import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
} from '../../../src/sync/backoff';

describe('backoff with full jitter', () => {
  it('draws from [0, base·2^(n−1)) and never beyond the cap', () => {
    const almostOne = () => 0.999999;
    expect(backoffDelay(1, () => 0)).toBe(0);
    expect(backoffDelay(1, almostOne)).toBe(Math.floor(0.999999 * BACKOFF_BASE_MS));
    expect(backoffDelay(2, almostOne)).toBe(Math.floor(0.999999 * 2 * BACKOFF_BASE_MS));
    expect(backoffDelay(3, () => 0.5)).toBe(2 * BACKOFF_BASE_MS);
    // 2 s · 2^7 = 256 s is still under the 5 minute cap; 2^8 is not.
    expect(backoffDelay(8, almostOne)).toBeLessThan(256_000);
    expect(backoffDelay(9, almostOne)).toBe(Math.floor(0.999999 * BACKOFF_CAP_MS));
  });

  it('stays finite and capped for any number of attempts, forever', () => {
    for (const n of [0, 1, 10, 30, 1_000, Number.MAX_SAFE_INTEGER]) {
      const d = backoffDelay(n, Math.random);
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });

  it('spreads retries: the mean is half the ceiling', () => {
    let seed = 42;
    // A fixed linear congruential generator so the test is repeatable.
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const n = 10_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += backoffDelay(4, random);
    expect(sum / n).toBeGreaterThan(0.45 * 8 * BACKOFF_BASE_MS);
    expect(sum / n).toBeLessThan(0.55 * 8 * BACKOFF_BASE_MS);
  });

  it('respects Retry-After, within the cap', () => {
    expect(retryDelay(1, () => 0, 30_000)).toBe(30_000);
    expect(retryDelay(1, () => 0, 3_600_000)).toBe(BACKOFF_CAP_MS);
    expect(retryDelay(5, () => 0.5)).toBe(backoffDelay(5, () => 0.5));
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('retries server trouble, not refusals', () => {
    expect([500, 502, 503, 429, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});
