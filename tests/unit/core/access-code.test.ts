import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatShortCode,
  isShortCode,
  normalizeShortCode,
  parseAccessCode,
  shortCodeFromBytes,
} from '../../../src/core/access-code';
import { shortCodeSchema } from '../../../src/core/events';
import { ALPHABET, normalizeTracking } from '../../../src/core/tracking';

const bytesArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('short access codes', () => {
  it('are 8 characters of the tracking alphabet, valid by their own check', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const code = shortCodeFromBytes(bytes);
        expect(code).toHaveLength(8);
        expect([...code].every((c) => ALPHABET.includes(c))).toBe(true);
        expect(isShortCode(code)).toBe(true);
        expect(shortCodeSchema.safeParse(code).success).toBe(true);
      }),
    );
  });

  it('are never taken for a tracking number, nor a tracking number for a code', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const code = shortCodeFromBytes(bytes);
        expect(normalizeTracking(code)).toBeNull();
        expect(normalizeTracking(`CD-${code}`)).toBeNull();
      }),
    );
    expect(isShortCode('7K3M9QX3')).toBe(false); // the body of CD-7K3M9QX3
  });

  it('catch every mistyped character and every swap of neighbours', () => {
    fc.assert(
      fc.property(bytesArb, fc.nat(7), fc.nat(29), (bytes, at, shift) => {
        const code = shortCodeFromBytes(bytes);
        const chars = [...code];
        const i = ALPHABET.indexOf(chars[at] ?? '');
        chars[at] = ALPHABET.charAt((i + 1 + shift) % ALPHABET.length);
        expect(isShortCode(chars.join(''))).toBe(false);
        const swapped = [...code];
        const j = Math.min(at, 6);
        [swapped[j], swapped[j + 1]] = [swapped[j + 1] ?? '', swapped[j] ?? ''];
        if (swapped.join('') !== code) expect(isShortCode(swapped.join(''))).toBe(false);
      }),
    );
  });

  it('forgive case, spaces and dashes as people copy them', () => {
    expect(normalizeShortCode('4hxp 7rt7')).toBe('4HXP7RT7');
    expect(normalizeShortCode(' 4HXP-7RT7 ')).toBe('4HXP7RT7');
    expect(normalizeShortCode('4HXP\u20137RT7')).toBe('4HXP7RT7');
    expect(formatShortCode('4HXP7RT7')).toBe('4HXP 7RT7');
    // O and 1 never occur, so they are not guessed into 0/I.
    expect(normalizeShortCode('4HXP 7RTO')).toBeNull();
  });

  it('refuse too few random bytes instead of making a weak code', () => {
    expect(() => shortCodeFromBytes(new Uint8Array(6))).toThrow(RangeError);
    // Bytes of 248 and above are skipped, never folded onto the alphabet.
    expect(() => shortCodeFromBytes(new Uint8Array(32).fill(250))).toThrow(RangeError);
  });
});

describe('parseAccessCode', () => {
  it('tells the long token from the short code', () => {
    const token = 'qwHg6cx5L1n7HXaIl6qJPO74q-_abcdEF';
    expect(parseAccessCode(` ${token} `)).toEqual({ kind: 'token', token });
    expect(parseAccessCode('4hxp 7rt7')).toEqual({ kind: 'short', code: '4HXP7RT7' });
    expect(parseAccessCode('4HXP 7RT8')).toBeNull();
    expect(parseAccessCode('')).toBeNull();
    expect(parseAccessCode('short')).toBeNull();
  });
});
