import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackingSchema } from '../../../src/core/events';
import {
  ALPHABET,
  checkCharacter,
  isValidTracking,
  newTrackingNumber,
  normalizeTracking,
} from '../../../src/core/tracking';

/** A valid tracking number from 7 alphabet indices. */
const trackingArb = fc
  .array(fc.integer({ min: 0, max: ALPHABET.length - 1 }), { minLength: 7, maxLength: 7 })
  .map((ix) => {
    const body = ix.map((i) => ALPHABET.charAt(i)).join('');
    return `CD-${body}${checkCharacter(body)}`;
  });

const swap = (s: string, i: number, j: number): string => {
  const a = [...s];
  [a[i], a[j]] = [a[j] ?? '', a[i] ?? ''];
  return a.join('');
};

/** A byte source that returns the given batches in turn, then zeros. */
const scripted = (...batches: number[][]) => {
  let call = 0;
  return (n: number): Uint8Array => {
    const b = batches[call++] ?? [];
    return Uint8Array.from({ length: n }, (_, i) => b[i] ?? 0);
  };
};

describe('ALPHABET', () => {
  it('has 31 distinct symbols without look-alikes', () => {
    expect(ALPHABET).toHaveLength(31);
    expect(new Set(ALPHABET).size).toBe(31);
    for (const c of '01OIL') expect(ALPHABET).not.toContain(c);
  });

  it('is exactly what trackingSchema in events.ts accepts', () => {
    for (let code = 0x20; code < 0x7f; code++) {
      const c = String.fromCharCode(code);
      expect(trackingSchema.safeParse(`CD-${c.repeat(8)}`).success, c).toBe(ALPHABET.includes(c));
    }
  });
});

describe('checkCharacter', () => {
  it('matches hand-computed values', () => {
    expect(checkCharacter('2222222')).toBe('2'); // all values 0
    expect(checkCharacter('3222222')).toBe('S'); // 8·1 = 8; 31 − 8 = 23 → 'S'
    expect(checkCharacter('2222223')).toBe('Y'); // 2·1 = 2; 31 − 2 = 29 → 'Y'
  });

  it.each(['222222', '22222222', '222222O', '2222a22', ''])('refuses body %j', (body) => {
    expect(() => checkCharacter(body)).toThrow(RangeError);
  });
});

describe('newTrackingNumber', () => {
  it('maps each accepted byte to one symbol, exactly 8 bytes per symbol, and redraws 248–255', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 248; b++) {
      const t = newTrackingNumber(scripted([b, 0, 0, 0, 0, 0, 0]));
      const c = t.charAt(3);
      expect(c).toBe(ALPHABET.charAt(b % 31));
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual(Array<number>(31).fill(8));
    expect(newTrackingNumber(scripted([248, 255, 5, 6, 7, 8, 9], [10, 11, 12]))).toBe(
      `CD-789ABCD${checkCharacter('789ABCD')}`,
    );
  });

  it('gives up on a source that never yields a usable byte', () => {
    expect(() => newTrackingNumber((n) => new Uint8Array(n).fill(255))).toThrow();
  });

  it('100k numbers: all valid, symbols uniform, collisions within the birthday bound', () => {
    const n = 100_000;
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const t = newTrackingNumber();
      expect(isValidTracking(t)).toBe(true);
      seen.add(t);
      for (const c of t.slice(3, 10)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(trackingSchema.safeParse(newTrackingNumber()).success).toBe(true);
    // Expected collisions: C(100k, 2) / 31^7 ≈ 0.18; P(more than 3) ≈ 4e-5.
    expect(n - seen.size).toBeLessThanOrEqual(3);
    // χ² over the 7·100k body symbols, 30 degrees of freedom; 83 is the 1-in-a-million critical value.
    const expected = (7 * n) / 31;
    let chi2 = 0;
    for (const c of ALPHABET) chi2 += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
    expect(chi2).toBeLessThan(83);
  });
});

describe('isValidTracking', () => {
  it('accepts only the canonical form with a correct check', () => {
    expect(isValidTracking('CD-3222222S')).toBe(true);
    expect(isValidTracking('CD-3222222T')).toBe(false);
    expect(isValidTracking('cd-3222222s')).toBe(false);
    expect(isValidTracking('3222222S')).toBe(false);
    expect(isValidTracking('CD3222222S')).toBe(false);
    expect(isValidTracking(' CD-3222222S')).toBe(false);
    expect(isValidTracking(42)).toBe(false);
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(trackingArb, (t) => {
        for (let i = 3; i < t.length; i++)
          for (const c of ALPHABET)
            if (c !== t[i]) expect(isValidTracking(t.slice(0, i) + c + t.slice(i + 1))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('detects every adjacent transposition of distinct characters, check character included', () => {
    fc.assert(
      fc.property(trackingArb, (t) => {
        for (let i = 3; i < t.length - 1; i++)
          if (t[i] !== t[i + 1]) expect(isValidTracking(swap(t, i, i + 1))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects swaps further apart too', () => {
    fc.assert(
      fc.property(
        trackingArb,
        fc.integer({ min: 3, max: 10 }),
        fc.integer({ min: 3, max: 10 }),
        (t, i, j) => {
          fc.pre(t[i] !== t[j]);
          expect(isValidTracking(swap(t, i, j))).toBe(false);
        },
      ),
    );
  });
});

describe('normalizeTracking', () => {
  it.each([
    ['CD-3222222S', 'CD-3222222S'],
    ['  cd-3222222s ', 'CD-3222222S'],
    ['3222222S', 'CD-3222222S'],
    ['3222 222s', 'CD-3222222S'],
    ['CD 3222-222S', 'CD-3222222S'],
    ['CD–3222222S', 'CD-3222222S'], // en dash, as phones render it
    ['cd3222222s', 'CD-3222222S'],
  ])('%j → %j', (input, out) => expect(normalizeTracking(input)).toBe(out));

  it('keeps a code that itself starts with CD when the prefix is left out', () => {
    const t = `CD-CD22222${checkCharacter('CD22222')}`;
    expect(normalizeTracking(t.slice(3))).toBe(t);
    expect(normalizeTracking(t)).toBe(t);
  });

  it.each([
    '',
    'CD-',
    'CD-3222222T',
    'CD-3222222',
    'CD-3222222SS',
    'CD-O222222S',
    'CD-1222222S',
    'XY-3222222S',
    'CD_3222222S',
  ])('refuses %j', (input) => expect(normalizeTracking(input)).toBeNull());

  it('round-trips however a valid number is typed', () => {
    const separators = fc.constantFrom('', ' ', '-', '  ', ' - ', '\u2013');
    fc.assert(
      fc.property(
        trackingArb,
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(separators, { minLength: 8, maxLength: 8 }),
        (t, withPrefix, lower, seps) => {
          const code = [...t.slice(3)]
            .map((c, i) => (lower[i] ? c.toLowerCase() : c) + (seps[i] ?? ''))
            .join('');
          const typed = ` ${withPrefix ? 'cD' + (seps[0] ?? '') : ''}${code} `;
          expect(normalizeTracking(typed)).toBe(t);
          expect(normalizeTracking(t)).toBe(t);
        },
      ),
    );
  });
});
