/**
 * Access tokens for citizens' requests. A token is HMAC-SHA256(server secret,
 * the id of the event that created the request), 192 bits in base64url: a
 * device that retries after a lost response gets the same token back without
 * the server ever storing it. The database keeps only SHA-256(token). The
 * short access code (8 characters a person can copy by hand) is derived the
 * same way and not stored at all.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { shortCodeFromBytes } from '../../src/core/access-code';

/** 24 bytes → 32 base64url characters, matching accessTokenSchema. */
const TOKEN_BYTES = 24;

export function deriveToken(secret: Buffer, sourceEventId: string): string {
  return createHmac('sha256', secret)
    .update(`request-token:${sourceEventId.toLowerCase()}`)
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Plain SHA-256 hex of a string, for secrets that are random enough not to need a slow hash. */
export function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The short access code of a request: HMAC(server secret, its source event id)
 * mapped onto the tracking alphabet. Derived, like the token, so it is never
 * stored and a replayed receipt carries the same code.
 */
export function deriveShortCode(secret: Buffer, sourceEventId: string): string {
  const mac = createHmac('sha256', secret).update(`short-code:${sourceEventId.toLowerCase()}`).digest();
  return shortCodeFromBytes(mac);
}

/** Equal strings, compared in constant time for strings of one length. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
