/**
 * Photos of the outbox, uploaded in the background in small parallel
 * batches: a few PUTs at a time keep a slow link busy without starving the
 * rest of the page. Each photo is marked sent as soon as its PUT is
 * answered, so after a cut the next round resumes with the first one not
 * yet sent. A photo the server refuses outright (4xx) is skipped this round
 * and its event learns why from the server.
 */
import { officerDb } from '../../db/officer/database';
import { markPhotoUploaded, photosToUpload } from '../../db/officer/photos';
import type { PhotoEntry } from '../../db/officer/records';
import type { FlushDeps } from '../flush-deps';
import { putPhoto } from '../http';

export const PARALLEL_UPLOADS = 3;

export interface UploadRound {
  readonly uploaded: number;
  /** Set when the network or the server stopped the round. */
  readonly stopped?: 'offline' | 'server';
}

/** Photos of events already in the outbox (not those of a form still open). */
async function queued(): Promise<PhotoEntry[]> {
  const owners = new Set((await officerDb().outbox.toCollection().primaryKeys()).map(String));
  return (await photosToUpload()).filter((p) => owners.has(p.owner));
}

export async function uploadPhotos(deps: FlushDeps): Promise<UploadRound> {
  const todo = await queued();
  let uploaded = 0;
  let stopped: UploadRound['stopped'];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (stopped === undefined && next < todo.length) {
      const photo = todo[next++];
      if (!photo) return;
      const put = await putPhoto(deps, photo.owner, photo.sha256, photo.blob);
      if (put.ok) {
        await markPhotoUploaded(photo.owner, photo.sha256);
        uploaded++;
      } else if (put.transient) stopped = put.error === 'offline' ? 'offline' : 'server';
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, todo.length) }, worker));
  return stopped ? { uploaded, stopped } : { uploaded };
}
