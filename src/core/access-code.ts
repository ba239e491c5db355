/**
 * Access codes a person can carry to another phone. Each request has two:
 * the device's own token (32 base64url characters, kept secret on the phone
 * that sent it) and a short code of 8 characters from the tracking number's
 * alphabet — 7 random + 1 check character — short enough to copy on paper or
 * read aloud, shown as two groups of four ("7K3M 9QX5").
 *
 * 31^7 ≈ 2.75e10 codes per tracking number: with failed look-ups limited per
 * client (server/requests/lookup-limit.ts), guessing one is out of reach. The
 * check character catches a mistyped character or swapped neighbours before
 * asking the server, and uses a different residue from tracking numbers so a
 * tracking number typed into the code box is never taken for a code.
 */
import { ALPHABET, BODY_LENGTH, checkCharacterFor } from './tracking';

export const SHORT_CODE_LENGTH = BODY_LENGTH + 1;
const SHORT_CODE_RESIDUE = 1;
const BASE = ALPHABET.length;
/** As in tracking.ts: bytes at or above 248 are skipped so every symbol is equally likely. */
const ACCEPT_BELOW = 256 - (256 % BASE);
const TOKEN_RE = /^[A-Za-z0-9_-]{22,64}$/;
const SHORT_RE = new RegExp(`^[${ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/**
 * The short code for a run of unpredictable bytes (the server passes an HMAC).
 * 32 bytes leave fewer than 7 usable ones with a probability below 1e-30; fewer
 * bytes than that are a caller's mistake and throw RangeError.
 */
export function shortCodeFromBytes(bytes: Uint8Array): string {
  let body = '';
  for (const b of bytes) {
    if (body.length === BODY_LENGTH) break;
    if (b < ACCEPT_BELOW) body += ALPHABET.charAt(b % BASE);
  }
  if (body.length < BODY_LENGTH) throw new RangeError('not enough random bytes for a short code');
  return body + checkCharacterFor(body, SHORT_CODE_RESIDUE);
}

/**
 * What a person typed → the canonical 8-character code, or null. Case, spaces
 * and dashes do not matter; look-alikes are not guessed (O and 1 never occur).
 */
export function normalizeShortCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\u2010-\u2015\u2212-]/g, '');
  if (!SHORT_RE.test(code)) return null;
  const body = code.slice(0, BODY_LENGTH);
  return checkCharacterFor(body, SHORT_CODE_RESIDUE) === code.charAt(BODY_LENGTH) ? code : null;
}

export function isShortCode(input: string): boolean {
  return normalizeShortCode(input) !== null;
}

/** "7K3M9QX5" → "7K3M 9QX5": two groups are easier to copy and read aloud. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

export type AccessCode = { kind: 'short'; code: string } | { kind: 'token'; token: string };

/**
 * Either kind of code, as typed on the Track page or sent in X-Access-Token.
 * A token is taken exactly as given (its case matters); a short code is
 * forgiving. The two cannot be confused: a token has at least 22 characters.
 */
export function parseAccessCode(input: string): AccessCode | null {
  const trimmed = input.trim();
  if (TOKEN_RE.test(trimmed)) return { kind: 'token', token: trimmed };
  const code = normalizeShortCode(trimmed);
  return code ? { kind: 'short', code } : null;
}
