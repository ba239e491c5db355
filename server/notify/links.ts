/**
 * The addresses a message carries: the request page and the one-click stop.
 * The stop link holds a key derived from the server secret and the request,
 * so only someone who got a message can stop that request's messages, and
 * nothing needs storing to check it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 16 bytes of HMAC: 22 base64url characters keep the SMS short, and 128 bits cannot be guessed. */
const KEY_BYTES = 16;

export function stopKey(secret: Buffer, requestId: string): string {
  return createHmac('sha256', secret)
    .update(`notify-stop:${requestId}`)
    .digest()
    .subarray(0, KEY_BYTES)
    .toString('base64url');
}

export function isStopKey(secret: Buffer, requestId: string, key: string): boolean {
  const want = Buffer.from(stopKey(secret, requestId));
  const got = Buffer.from(key);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The app's tracking page for the number; it opens the request when this device holds it. */
export function requestPath(tracking: string): string {
  return `/track?number=${encodeURIComponent(tracking)}`;
}

export function stopPath(tracking: string, key: string): string {
  return `/stop/${encodeURIComponent(tracking)}/${key}`;
}

export function absolute(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
