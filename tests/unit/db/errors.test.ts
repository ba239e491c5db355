import { describe, expect, it } from 'vitest';
import { StorageFullError, guardWrite, isQuotaError } from '../../../src/db/errors';

function named(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(name), { name }, extra);
}

describe('quota errors', () => {
  it('recognise IndexedDB, Dexie and aborted-transaction forms', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(named('QuotaExceededError'))).toBe(true);
    expect(isQuotaError(named('AbortError', { inner: named('QuotaExceededError') }))).toBe(true);
    expect(isQuotaError(named('Error', { cause: new DOMException('full', 'QuotaExceededError') }))).toBe(
      true,
    );
    expect(isQuotaError(named('ConstraintError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('guardWrite turns them into StorageFullError and lets others through', async () => {
    const full = await guardWrite(() =>
      Promise.reject(named('AbortError', { inner: named('QuotaExceededError') })),
    ).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(StorageFullError);
    expect(full).toMatchObject({ code: 'storage_full' });
    const other = named('ConstraintError');
    await expect(guardWrite(() => Promise.reject(other))).rejects.toBe(other);
    await expect(guardWrite(() => Promise.resolve(3))).resolves.toBe(3);
  });
});
