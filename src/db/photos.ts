/**
 * Photos of a draft (and, after submit, of its create_request event): resized
 * on the device (image.ts), keyed by owner + SHA-256 of the stored bytes,
 * at most MAX_PHOTOS per owner. The hash is also the upload key, so the
 * server can check that what arrived is what was taken.
 */
import { liveQuery, type Observable } from 'dexie';
import { MAX_PHOTOS } from '../core/limits';
import { db, nowIso } from './database';
import { guardWrite, PhotoLimitError } from './errors';
import { isPhotoRecord } from './guards';
import type { PhotoResizer } from './image';
import type { PhotoRecord } from './records';

export { PhotoLimitError, PhotoUnreadableError } from './errors';
export type { PhotoResizer, ResizedPhoto } from './image';

/** The device's resizer (image.ts), loaded with the first photo. */
const resizePhoto: PhotoResizer = async (file) => (await import('./image')).resizePhoto(file);

/** Lower-case hex SHA-256 of a Blob's bytes (Web Crypto: pages, workers and Node alike). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function photosOf(owner: string): Promise<PhotoRecord[]> {
  const rows = await db.photos.where('owner').equals(owner).toArray();
  return rows.filter(isPhotoRecord).sort((a, b) => a.added_at.localeCompare(b.added_at));
}

/**
 * Resizes and stores a photo for `owner`. The same picture added twice is
 * stored once. Throws PhotoLimitError past MAX_PHOTOS (checked before the slow
 * resize and again in the write, since another tab may add one meanwhile),
 * PhotoUnreadableError for what is not an image, StorageFullError when full.
 */
export async function addPhoto(
  owner: string,
  file: Blob,
  resize: PhotoResizer = resizePhoto,
): Promise<PhotoRecord> {
  if ((await db.photos.where('owner').equals(owner).count()) >= MAX_PHOTOS)
    throw new PhotoLimitError(MAX_PHOTOS);
  const resized = await resize(file);
  const record: PhotoRecord = {
    sha256: await sha256Hex(resized.blob),
    owner,
    blob: resized.blob,
    type: resized.type,
    size: resized.blob.size,
    width: resized.width,
    height: resized.height,
    uploaded: false,
    added_at: nowIso(),
  };
  return guardWrite(() =>
    db.transaction('rw', db.photos, async () => {
      const existing = await db.photos.get([owner, record.sha256]);
      if (existing && isPhotoRecord(existing)) return existing;
      if ((await db.photos.where('owner').equals(owner).count()) >= MAX_PHOTOS)
        throw new PhotoLimitError(MAX_PHOTOS);
      await db.photos.put(record);
      return record;
    }),
  );
}

/** The owner's photos in the order they were added. */
export function livePhotos(owner: string): Observable<PhotoRecord[]> {
  return liveQuery(() => photosOf(owner));
}

export async function getPhotos(owner: string): Promise<PhotoRecord[]> {
  return photosOf(owner);
}

/** Removes a draft's photo. Photos of a submitted request wait for upload and are not touched. */
export async function removePhoto(owner: string, sha256: string): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.drafts, db.photos, async () => {
      if (await db.drafts.get(owner)) await db.photos.delete([owner, sha256]);
    }),
  );
}
