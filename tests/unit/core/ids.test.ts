import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createUuidV7Generator, isUuidV7, uuidv7, uuidv7Time } from '../../../src/core/ids';

const zeros = (n: number): Uint8Array => new Uint8Array(n);
const ones = (n: number): Uint8Array => new Uint8Array(n).fill(0xff);

describe('uuidv7', () => {
  it('lays out timestamp, version, counter, variant and random bits as RFC 9562 says', () => {
    expect(createUuidV7Generator(zeros)(0x0123456789ab)).toBe('01234567-89ab-7000-8000-000000000000');
    // All-ones randomness: the counter seed keeps its top bit clear (0x7ff in rand_a).
    expect(createUuidV7Generator(ones)(0x0123456789ab)).toBe('01234567-89ab-77ff-bfff-ffffffffffff');
  });

  it('has version 7 and variant 10, and zod accepts it', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuidV7(id)).toBe(true);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true);
  });

  it('carries the timestamp it was made at', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        expect(uuidv7Time(createUuidV7Generator()(ms))).toBe(ms);
      }),
    );
    const before = Date.now();
    const t = uuidv7Time(uuidv7());
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('sorts by time as strings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 48 - 1 }), { minLength: 2, maxLength: 50 }),
        (times) => {
          const ids = times.map((ms) => createUuidV7Generator()(ms));
          const byString = [...ids].sort();
          expect(byString.map(uuidv7Time)).toEqual([...times].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('is strictly increasing for 10k ids in a tight loop', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    for (let i = 1; i < ids.length; i++) expect((ids[i - 1] ?? '') < (ids[i] ?? '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays increasing within one millisecond and when the clock steps back a little', () => {
    const next = createUuidV7Generator();
    const a = next(1_000_000);
    const b = next(1_000_000);
    const c = next(995_000); // NTP nudged the clock back 5 s
    expect(a < b && b < c).toBe(true);
    expect(uuidv7Time(c)).toBe(1_000_000);
    expect(uuidv7Time(next(1_000_001))).toBe(1_000_001);
  });

  it('follows a deliberate clock change backwards', () => {
    const next = createUuidV7Generator();
    next(2_000_000_000_000);
    expect(uuidv7Time(next(1_000_000_000_000))).toBe(1_000_000_000_000);
  });

  it('refuses timestamps outside 48 bits', () => {
    const next = createUuidV7Generator();
    expect(() => next(-1)).toThrow(RangeError);
    expect(() => next(2 ** 48)).toThrow(RangeError);
    expect(() => next(Number.NaN)).toThrow(RangeError);
  });
});

describe('isUuidV7 and uuidv7Time', () => {
  it('accepts any case and nothing but v7', () => {
    expect(isUuidV7('01234567-89AB-7DEF-8123-456789ABCDEF')).toBe(true);
    expect(isUuidV7('01234567-89ab-4def-8123-456789abcdef')).toBe(false); // v4
    expect(isUuidV7('01234567-89ab-7def-c123-456789abcdef')).toBe(false); // variant 110
    expect(isUuidV7('0123456789ab7def8123456789abcdef')).toBe(false);
    expect(isUuidV7(undefined)).toBe(false);
  });

  it('reads the timestamp and refuses non-v7 input', () => {
    expect(uuidv7Time('01890a5d-ac96-774b-bcce-b302099a8057')).toBe(0x01890a5dac96);
    expect(() => uuidv7Time('not-a-uuid')).toThrow(RangeError);
  });
});
