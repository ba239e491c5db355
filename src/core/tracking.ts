/**
 * Tracking numbers people read aloud, type on a kiosk or copy from an SMS:
 * 'CD-' + 7 random characters + 1 check character. The alphabet has no 0/O
 * or 1/I/L, so what is read cannot be misread, and the check character
 * catches every typo of one character and every swap of neighbours.
 *
 * 31^7 ≈ 2.75e10 bodies: collisions are rare but not impossible (≈ 17% that
 * some pair among 100k collides), so whoever stores them keeps them unique and
 * draws again on a clash.
 */
import { secureRandomBytes, type RandomBytes } from './ids';

export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = ALPHABET.length; // 31, a prime
export const TRACKING_PREFIX = 'CD-';
export const BODY_LENGTH = 7;
/** Body plus check character: what follows the prefix. */
const CODE_LENGTH = BODY_LENGTH + 1;

/**
 * The check character c makes Σ w_i·v_i ≡ 0 (mod 31) over all 8 positions,
 * with weights w = 8, 7, …, 2 for the body and 1 for c itself.
 *
 * Why this detects the errors people make (arithmetic in Z_31, a field since
 * 31 is prime, so a product of two non-zero elements is non-zero):
 * - Substitution of v_i by v'_i ≠ v_i changes the sum by w_i·(v'_i − v_i).
 *   w_i ∈ 1..8 is non-zero and v'_i − v_i ∈ ±1..±30 is non-zero mod 31, so the
 *   sum is no longer 0.
 * - Swapping positions i and j with v_i ≠ v_j changes the sum by
 *   (w_i − w_j)·(v_j − v_i). The weights are distinct and all below 31, so
 *   w_i − w_j ≢ 0, and v_j − v_i ≢ 0: the sum is no longer 0. This covers
 *   every adjacent transposition, the check character included, and also
 *   swaps further apart.
 */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;

function values(body: string): number[] | null {
  const out: number[] = [];
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    out.push(v);
  }
  return out;
}

/**
 * The check character that makes the weighted sum ≡ `residue` (mod 31). The
 * proof above holds for any residue; short access codes (access-code.ts) use
 * residue 1 so that no string is both a valid tracking body and a valid code.
 */
export function checkCharacterFor(body: string, residue: number): string {
  const v = values(body);
  if (!v || v.length !== BODY_LENGTH) throw new RangeError(`not a 7-character body: ${body}`);
  const sum = v.reduce((acc, x, i) => acc + x * (WEIGHTS[i] ?? 0), 0);
  return ALPHABET.charAt((((residue - sum) % BASE) + BASE) % BASE);
}

/** The check character for a 7-character body; throws RangeError for anything else. */
export function checkCharacter(body: string): string {
  return checkCharacterFor(body, 0);
}

/** Bytes at or above this are redrawn: 248 = 8·31, so each symbol keeps exactly 8 byte values. */
const ACCEPT_BELOW = 256 - (256 % BASE);
/** A source that yields no usable byte in this many draws is broken, not unlucky. */
const MAX_DRAWS = 64;

/** A fresh tracking number such as 'CD-7K3M9QX3'. */
export function newTrackingNumber(random: RandomBytes = secureRandomBytes): string {
  let body = '';
  for (let draws = 0; body.length < BODY_LENGTH; draws++) {
    if (draws >= MAX_DRAWS) throw new Error('random source yields no usable bytes');
    for (const b of random(BODY_LENGTH)) {
      if (b < ACCEPT_BELOW && body.length < BODY_LENGTH) body += ALPHABET.charAt(b % BASE);
    }
  }
  return `${TRACKING_PREFIX}${body}${checkCharacter(body)}`;
}

const CANONICAL_RE = new RegExp(`^${TRACKING_PREFIX}[${ALPHABET}]{${CODE_LENGTH}}$`);

/** Exactly the canonical form 'CD-XXXXXXXX' with a correct check character. */
export function isValidTracking(s: unknown): s is string {
  if (typeof s !== 'string' || !CANONICAL_RE.test(s)) return false;
  const code = s.slice(TRACKING_PREFIX.length);
  return checkCharacter(code.slice(0, BODY_LENGTH)) === code.charAt(BODY_LENGTH);
}

/**
 * What a person typed → the canonical 'CD-XXXXXXXX', or null. Case, spaces
 * and dashes (as SMS apps and word processors render them) do not matter,
 * and the 'CD' prefix may be left out. No guessing of look-alikes: O or 1
 * cannot occur in a real number, so they mean a wrong number.
 */
export function normalizeTracking(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\u2010-\u2015\u2212-]/g, '');
  const code = compact.length === CODE_LENGTH + 2 && compact.startsWith('CD') ? compact.slice(2) : compact;
  const candidate = `${TRACKING_PREFIX}${code}`;
  return isValidTracking(candidate) ? candidate : null;
}
