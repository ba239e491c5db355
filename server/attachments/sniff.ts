/**
 * Whether bytes are a photo the server keeps: JPEG, PNG or WebP by their
 * signature (never by the name or a header the client chose), whole (not cut
 * off before their end) and of at most MAX_PHOTO_PIXELS, so that no staff
 * browser is handed a decompression bomb to decode. src/core/image-header
 * reads the headers; the device checks the same before it decodes.
 */
import { MAX_PHOTO_PIXELS, readPhotoHeader, type PhotoHeaderProblem } from '../../src/core/image-header';
import type { PhotoRef } from '../../src/core/request';

export type PhotoType = PhotoRef['type'];

export type PhotoCheck = { ok: true; type: PhotoType } | { ok: false; problem: PhotoHeaderProblem };

export function checkPhoto(bytes: Uint8Array): PhotoCheck {
  const header = readPhotoHeader(bytes);
  return header.ok ? { ok: true, type: header.type } : header;
}

/** For Open311's service_notice: why a photo was left out, after "photo N". */
export const PHOTO_PROBLEM_SENTENCE: Readonly<Record<PhotoHeaderProblem, string>> = {
  not_image: 'is not a JPEG, PNG or WebP image',
  truncated: 'is cut off before its end',
  too_many_pixels: `has more than ${MAX_PHOTO_PIXELS / 1_000_000} million pixels`,
};

/** The answer to an upload that is not a photo the server keeps. */
export const PHOTO_PROBLEM_ANSWER: Readonly<
  Record<PhotoHeaderProblem, { status: 413 | 415 | 422; error: string }>
> = {
  not_image: { status: 415, error: 'unsupported_type' },
  truncated: { status: 422, error: 'truncated' },
  too_many_pixels: { status: 413, error: 'too_many_pixels' },
};
