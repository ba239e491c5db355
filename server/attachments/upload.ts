/**
 * Accepting a photo upload for a sync event: the bytes must hash to the name
 * they were sent under, be a whole JPEG, PNG or WebP (sniff.ts), and fit the size limits. The
 * app uploads under the id of the event the photo belongs to (create_request,
 * log_visit, photo_added), before or after that event is applied (and before
 * the attachment_added event that links a later photo).
 */
import { createHash } from 'node:crypto';
import { MAX_PHOTO_BYTES } from '../../src/core/request';
import type { Db } from '../db/types';
import type { FileStore } from './file-store';
import { checkPhoto, PHOTO_PROBLEM_ANSWER, type PhotoType } from './sniff';

export type UploadResult =
  | { ok: true; created: boolean; type: PhotoType; size: number }
  | { ok: false; status: 409 | 413 | 415 | 422; error: string };

/** Events photos travel with: a request, a photo added to one, a field visit. */
const PHOTO_EVENTS: ReadonlySet<string> = new Set([
  'create_request',
  'attachment_added',
  'photo_added',
  'log_visit',
]);

/** An id of any other applied event is refused. */
async function eventAllows(db: Db, eventId: string): Promise<boolean> {
  const [row] = await db.query<{ type: string }>('SELECT type FROM applied_events WHERE id = $1', [eventId]);
  return !row || PHOTO_EVENTS.has(row.type);
}

export async function acceptUpload(
  db: Db,
  store: FileStore,
  upload: { eventId: string; sha256: string; bytes: Uint8Array },
): Promise<UploadResult> {
  const { bytes, sha256 } = upload;
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, status: 413, error: 'too_large' };
  if (bytes.length === 0) return { ok: false, status: 422, error: 'empty' };
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    return { ok: false, status: 422, error: 'hash_mismatch' };
  const photo = checkPhoto(bytes);
  if (!photo.ok) return { ok: false, ...PHOTO_PROBLEM_ANSWER[photo.problem] };
  const { type } = photo;
  if (!(await eventAllows(db, upload.eventId))) return { ok: false, status: 409, error: 'not_a_photo_event' };
  if (!(await store.has(sha256))) await store.put(sha256, bytes);
  const inserted = await db.query(
    `INSERT INTO files (sha256, type, size, upload_event_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [sha256, type, bytes.length, upload.eventId],
  );
  return { ok: true, created: inserted.length > 0, type, size: bytes.length };
}
