/**
 * The photos of an Open311 POST, none of which can refuse the request:
 * uploaded file parts are checked like the app's uploads (at most 5 MB,
 * JPEG, PNG or WebP by their bytes) and stored at once; media_url links are
 * kept for the background fetch (media-jobs/), a link unusable as written
 * marked failed without any network use. Photos beyond the request's limit,
 * and parts that fail the checks, are left out and named in the answer's
 * service_notice.
 */
import { createHash } from 'node:crypto';
import { MAX_PHOTOS, MAX_PHOTO_BYTES, type PhotoRef } from '../../src/core/request';
import { checkPhoto, PHOTO_PROBLEM_SENTENCE } from '../attachments/sniff';
import { acceptUpload } from '../attachments/upload';
import type { NewMediaJob } from '../media-jobs/queue';
import type { Call } from './call';
import { checkMediaUrl, MediaError } from './media';
import type { PhotoPart } from './post-body';

export interface PlannedPhotos {
  readonly photos: PhotoRef[];
  readonly jobs: NewMediaJob[];
  /** Sentences for service_notice, one per photo left out. */
  readonly notes: string[];
}

async function checkPart(part: PhotoPart): Promise<{ bytes: Uint8Array; photo: PhotoRef } | string> {
  if (part.file.size > MAX_PHOTO_BYTES) return `is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`;
  const bytes = new Uint8Array(await part.file.arrayBuffer());
  if (bytes.length === 0) return 'is empty';
  const check = checkPhoto(bytes);
  if (!check.ok) return PHOTO_PROBLEM_SENTENCE[check.problem];
  const { type } = check;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, photo: { sha256, type, size: bytes.length } };
}

export async function planPhotos(
  call: Call,
  parts: readonly PhotoPart[],
  mediaUrls: readonly string[],
  eventId: string,
): Promise<PlannedPhotos> {
  const photos: PhotoRef[] = [];
  const jobs: NewMediaJob[] = [];
  const notes: string[] = [];
  for (const part of parts) {
    if (photos.length >= MAX_PHOTOS) {
      notes.push(`${part.name} was not attached: at most ${MAX_PHOTOS} photos per request.`);
      continue;
    }
    const checked = await checkPart(part);
    if (typeof checked === 'string') {
      notes.push(`${part.name} was not attached: it ${checked}.`);
      continue;
    }
    const stored = await acceptUpload(call.deps.db, call.deps.files, {
      eventId,
      sha256: checked.photo.sha256,
      bytes: checked.bytes,
    });
    if (!stored.ok) notes.push(`${part.name} was not attached (${stored.error}).`);
    else if (!photos.some((p) => p.sha256 === checked.photo.sha256)) photos.push(checked.photo);
  }
  for (const url of mediaUrls) {
    if (photos.length + jobs.length >= MAX_PHOTOS) {
      notes.push(`media_url ${url} was not kept: at most ${MAX_PHOTOS} photos per request.`);
      continue;
    }
    try {
      checkMediaUrl(url, call.deps.media?.allowPrivateAddresses ?? false);
      jobs.push({ url });
    } catch (err) {
      if (!(err instanceof MediaError)) throw err;
      jobs.push({ url, refused: err.message });
      notes.push(`${err.message}, so it will not be fetched.`);
    }
  }
  return { photos, jobs, notes };
}
