/**
 * Photo headers read without decoding: real PNGs made here, JPEG and WebP
 * headers laid out byte by byte as their specifications describe, and the
 * hostile files a device or a client may send instead.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_PIXELS, readPhotoHeader } from '../../../src/core/image-header';
import { makeBombPng, makePng } from '../../e2e/fixtures/png';

const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])),
  );

/** SOI, a JFIF APP0, a frame of width × height (baseline C0 or progressive C2), one scan with stuffed 0xFF, EOI. */
function jpeg(width: number, height: number, frame = 0xc0, end = true): Uint8Array {
  return bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, 0x00, 0x10],
    'JFIF',
    [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, frame, 0x00, 0x0b, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0],
    [0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0],
    [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56],
    end ? [0xff, 0xd9] : [],
  );
}

const le32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

function webp(chunk: number[] | string, ...body: number[][]): Uint8Array {
  const rest = bytes('WEBP', chunk, ...body);
  return bytes('RIFF', le32(rest.length), rest);
}

describe('readPhotoHeader', () => {
  it('a real PNG: its size from the header', () => {
    expect(readPhotoHeader(makePng(1, 320, 240))).toEqual({
      ok: true,
      type: 'image/png',
      width: 320,
      height: 240,
    });
  });

  it('a PNG cut off halfway, or before its end chunk, is truncated', () => {
    const png = makePng(2, 64, 64);
    expect(readPhotoHeader(png.subarray(0, png.length >> 1))).toEqual({ ok: false, problem: 'truncated' });
    expect(readPhotoHeader(png.subarray(0, png.length - 12))).toEqual({ ok: false, problem: 'truncated' });
    expect(readPhotoHeader(png.subarray(0, 20))).toEqual({ ok: false, problem: 'truncated' });
  });

  it('a decompression bomb: 12,000 × 12,000 pixels in a few kilobytes is refused unread', () => {
    const bomb = makeBombPng(12_000, 12_000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(12_000 * 12_000).toBeGreaterThan(MAX_PHOTO_PIXELS);
    expect(readPhotoHeader(bomb)).toEqual({ ok: false, problem: 'too_many_pixels' });
    // 10,000 × 10,000 is exactly the limit and still a photo.
    expect(readPhotoHeader(makeBombPng(10_000, 10_000))).toMatchObject({ ok: true, width: 10_000 });
  });

  it('JPEG, baseline and progressive: the frame size; data after the end (a motion photo) is allowed', () => {
    expect(readPhotoHeader(jpeg(4000, 3000))).toEqual({
      ok: true,
      type: 'image/jpeg',
      width: 4000,
      height: 3000,
    });
    expect(readPhotoHeader(jpeg(1600, 1200, 0xc2))).toMatchObject({ ok: true, width: 1600, height: 1200 });
    const motion = bytes(jpeg(800, 600), [0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0]);
    expect(readPhotoHeader(motion)).toMatchObject({ ok: true, width: 800 });
  });

  it('a JPEG without its end of image, cut in its header, or of 0 pixels is refused', () => {
    expect(readPhotoHeader(jpeg(800, 600, 0xc0, false))).toEqual({ ok: false, problem: 'truncated' });
    expect(readPhotoHeader(jpeg(800, 600).subarray(0, 12))).toEqual({ ok: false, problem: 'truncated' });
    expect(readPhotoHeader(jpeg(0, 600))).toEqual({ ok: false, problem: 'not_image' });
    expect(readPhotoHeader(jpeg(20_000, 20_000))).toEqual({ ok: false, problem: 'too_many_pixels' });
  });

  it('WebP lossy, lossless and extended: the canvas size', () => {
    const lossy = webp('VP8 ', le32(10), [
      0,
      0,
      0,
      0x9d,
      0x01,
      0x2a,
      640 & 0xff,
      640 >> 8,
      480 & 0xff,
      480 >> 8,
    ]);
    expect(readPhotoHeader(lossy)).toEqual({ ok: true, type: 'image/webp', width: 640, height: 480 });
    // Lossless: 14 bits of width − 1 then 14 of height − 1: 1024 × 768 → 1023 | 767 << 14.
    const bits = 1023 | (767 << 14);
    expect(readPhotoHeader(webp('VP8L', le32(5), [0x2f, ...le32(bits)], [0, 0, 0, 0, 0]))).toMatchObject({
      width: 1024,
      height: 768,
    });
    // Extended: 24-bit width − 1 and height − 1 after four bytes of flags.
    const ext = webp('VP8X', le32(10), [0, 0, 0, 0], [0x3f, 0x1f, 0, 0x6f, 0x17, 0]);
    expect(readPhotoHeader(ext)).toMatchObject({ ok: true, width: 8000, height: 6000 });
  });

  it('a WebP shorter than its RIFF header says is truncated', () => {
    const lossy = webp('VP8 ', le32(10), [0, 0, 0, 0x9d, 0x01, 0x2a, 64, 0, 64, 0], [1, 2, 3, 4]);
    expect(readPhotoHeader(lossy.subarray(0, lossy.length - 2))).toEqual({ ok: false, problem: 'truncated' });
  });

  it('text, HTML and a PDF renamed .jpg are not images', () => {
    for (const fake of ['hello, this is not a photo', '<html><script>alert(1)</script>', '%PDF-1.7\n%âãÏÓ'])
      expect(readPhotoHeader(bytes(fake))).toEqual({ ok: false, problem: 'not_image' });
    expect(readPhotoHeader(new Uint8Array(0))).toEqual({ ok: false, problem: 'not_image' });
    // A JPEG signature followed by garbage rather than segments.
    expect(readPhotoHeader(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0], 'garbage here'))).toEqual({
      ok: false,
      problem: 'not_image',
    });
  });
});
