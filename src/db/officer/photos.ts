/**
 * Photos taken in the field: resized on the device as in the citizen app
 * (src/db/image.ts: EXIF and GPS stripped, about 300 KB at most), stored
 * under the event they will travel with, uploaded later in the background.
 * The SHA-256 of the stored bytes is the upload key, so the server checks
 * that what arrived is what was taken.
 */
import { liveQuery, type Observable } from 'dexie';
import type { SyncEvent } from '../../core/events';
import { guardWrite } from '../errors';
import type { PhotoResizer } from '../image';
import { officerDb } from './database';
import { isPhotoEntry, type PhotoEntry } from './records';

const resizePhoto: PhotoResizer = async (file) => (await import('../image')).resizePhoto(file);

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resizes and stores a photo for the event `owner` (not yet in the outbox while its form is open). */
export async function stagePhoto(
  owner: string,
  file: Blob,
  resize: PhotoResizer = resizePhoto,
): Promise<PhotoEntry> {
  const resized = await resize(file);
  const entry: PhotoEntry = {
    owner,
    sha256: await sha256Hex(resized.blob),
    blob: resized.blob,
    type: resized.type,
    size: resized.blob.size,
    uploaded: 0,
    added_at: new Date().toISOString(),
  };
  await guardWrite(() => officerDb().photos.put(entry));
  return entry;
}

async function photosOf(owner: string): Promise<PhotoEntry[]> {
  const rows = await officerDb().photos.where('owner').equals(owner).toArray();
  return rows.filter(isPhotoEntry).sort((a, b) => a.added_at.localeCompare(b.added_at));
}

export const stagedPhotos = photosOf;

export function liveStagedPhotos(owner: string): Observable<PhotoEntry[]> {
  return liveQuery(() => photosOf(owner));
}

export async function unstagePhoto(owner: string, sha256: string): Promise<void> {
  await guardWrite(() => officerDb().photos.delete([owner, sha256]));
}

/** Photos whose bytes the server does not have yet, oldest first. */
export async function photosToUpload(): Promise<PhotoEntry[]> {
  const rows = await officerDb().photos.where('uploaded').equals(0).toArray();
  return rows.filter(isPhotoEntry).sort((a, b) => a.added_at.localeCompare(b.added_at));
}

export async function markPhotoUploaded(owner: string, sha256: string): Promise<void> {
  await guardWrite(() => officerDb().photos.update([owner, sha256], { uploaded: 1 }));
}

/** Photos of events in the outbox: how many there are and how many have gone. */
export async function photoProgress(): Promise<{ sent: number; total: number }> {
  const db = officerDb();
  const owners = new Set((await db.outbox.toCollection().primaryKeys()).map(String));
  const rows = (await db.photos.toArray()).filter((p) => isPhotoEntry(p) && owners.has(p.owner));
  return { sent: rows.filter((p) => p.uploaded === 1).length, total: rows.length };
}

export function livePhotoProgress(): Observable<{ sent: number; total: number }> {
  return liveQuery(photoProgress);
}

/** Drops staged photos of forms that were abandoned (no event in the outbox took them). */
export async function dropStaged(owner: string): Promise<void> {
  const db = officerDb();
  await guardWrite(() =>
    db.transaction('rw', db.photos, db.outbox, async () => {
      if (!(await db.outbox.get(owner))) await db.photos.where('owner').equals(owner).delete();
    }),
  );
}

/**
 * Saves photos added to an assigned request: each staged photo becomes a
 * photo_added event, stored under that event's id (its upload key), in one
 * transaction with the events' place in the outbox.
 */
export async function adoptStaged(
  staging: string,
  makeEvent: (photo: PhotoEntry) => SyncEvent,
  append: (events: SyncEvent[]) => Promise<void>,
): Promise<number> {
  const db = officerDb();
  const staged = await photosOf(staging);
  const events = staged.map(makeEvent);
  await guardWrite(() =>
    db.transaction('rw', db.photos, db.outbox, db.meta, async () => {
      for (const [i, p] of staged.entries()) {
        const e = events[i];
        if (!e) continue;
        await db.photos.delete([staging, p.sha256]);
        await db.photos.put({ ...p, owner: e.id });
      }
      await append(events);
    }),
  );
  return events.length;
}
