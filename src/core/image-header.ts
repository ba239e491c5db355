/**
 * What a photo's bytes say about themselves before anything decodes them:
 * its type (JPEG, PNG or WebP, from the signature), its size in pixels (from
 * the header), and whether the file is whole. A picture of 30,000 × 30,000
 * pixels can be a few kilobytes of PNG and gigabytes once decoded, so the
 * device checks this before decoding and the server before it stores a photo
 * that staff browsers would decode. No DOM, no Node: page and server share it.
 */
import type { PhotoRef } from './request';

/** Larger than any phone camera takes by default (a 50 MP sensor makes 8,160 × 6,120). */
export const MAX_PHOTO_PIXELS = 100_000_000;

export type PhotoHeaderProblem = 'not_image' | 'truncated' | 'too_many_pixels';

export type PhotoHeader =
  | { ok: true; type: PhotoRef['type']; width: number; height: number }
  | { ok: false; problem: PhotoHeaderProblem };

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, i: number): number => u24le(b, i) + (b[i + 3] ?? 0) * 16777216;

function tagAt(b: Uint8Array, i: number, tag: string): boolean {
  return b.length >= i + tag.length && [...tag].every((c, k) => b[i + k] === c.charCodeAt(0));
}

type Found = { type: PhotoRef['type']; width: number; height: number } | PhotoHeaderProblem;

/** Chunks from the signature to IEND; a chunk that runs past the end, or no IEND, is a cut-off file. */
function png(b: Uint8Array): Found {
  if (!tagAt(b, 12, 'IHDR')) return b.length < 24 ? 'truncated' : 'not_image';
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  for (let i = 8; i + 8 <= b.length;) {
    const end = i + 12 + u32be(b, i);
    if (end > b.length) return 'truncated';
    if (tagAt(b, i + 4, 'IEND')) return { type: 'image/png', width, height };
    i = end;
  }
  return 'truncated';
}

/** Start-of-frame markers carry the size; all but DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * Segments up to the first scan, then an end-of-image marker anywhere after
 * it: scan data escapes every 0xFF byte, so FF D9 there is the real end. Data
 * after it (a phone's motion-photo video) is allowed.
 */
function jpeg(b: Uint8Array): Found {
  let size: { width: number; height: number } | undefined;
  let i = 2;
  for (;;) {
    if (i + 4 > b.length) return 'truncated';
    if (b[i] !== 0xff) return 'not_image';
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9) return 'not_image';
    if (isFrame(marker) && i + 9 <= b.length) size = { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (marker === 0xda) break;
    i += 2 + u16be(b, i + 2);
  }
  if (!size || size.width === 0 || size.height === 0) return 'not_image';
  for (let k = b.indexOf(0xd9, i + 2); k !== -1; k = b.indexOf(0xd9, k + 1))
    if (b[k - 1] === 0xff) return { type: 'image/jpeg', ...size };
  return 'truncated';
}

/** RIFF says how long the file is; the first chunk says how large the picture is. */
function webp(b: Uint8Array): Found {
  if (b.length < 16 || b.length < 8 + u32le(b, 4)) return 'truncated';
  if (tagAt(b, 12, 'VP8X'))
    return b.length < 30
      ? 'truncated'
      : { type: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (tagAt(b, 12, 'VP8L') && b[20] === 0x2f) {
    if (b.length < 25) return 'truncated';
    const bits = u32le(b, 21);
    return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (tagAt(b, 12, 'VP8 ') && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return b.length < 30
      ? 'truncated'
      : { type: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return 'not_image';
}

function find(b: Uint8Array): Found {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) return png(b);
  if (tagAt(b, 0, 'RIFF') && tagAt(b, 8, 'WEBP')) return webp(b);
  return 'not_image';
}

export function readPhotoHeader(bytes: Uint8Array): PhotoHeader {
  const found = find(bytes);
  if (typeof found === 'string') return { ok: false, problem: found };
  if (found.width === 0 || found.height === 0) return { ok: false, problem: 'not_image' };
  if (found.width * found.height > MAX_PHOTO_PIXELS) return { ok: false, problem: 'too_many_pixels' };
  return { ok: true, ...found };
}
