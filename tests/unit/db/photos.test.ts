import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PHOTOS } from '../../../src/core/request';
import { createDraft } from '../../../src/db/drafts';
import {
  PhotoLimitError,
  PhotoUnreadableError,
  addPhoto,
  getPhotos,
  livePhotos,
  removePhoto,
} from '../../../src/db/photos';
import { fakePhoto, identityResize, resetDb } from './setup';

beforeEach(resetDb);

async function hashOf(blob: Blob): Promise<string> {
  return createHash('sha256')
    .update(new Uint8Array(await blob.arrayBuffer()))
    .digest('hex');
}

describe('photos', () => {
  it('stores the resized bytes under their SHA-256, not yet uploaded', async () => {
    const draft = await createDraft('streetlight');
    const photo = await addPhoto(draft.id, fakePhoto(7), identityResize);
    expect(photo.sha256).toBe(await hashOf(fakePhoto(7)));
    expect(photo).toMatchObject({ owner: draft.id, type: 'image/jpeg', size: 9, uploaded: false });
    const [stored] = await getPhotos(draft.id);
    expect(await hashOf(stored!.blob)).toBe(photo.sha256);
  });

  it('keeps what the resizer made, not the original file', async () => {
    const draft = await createDraft('streetlight');
    const small = fakePhoto(1);
    const photo = await addPhoto(draft.id, fakePhoto(2), () =>
      Promise.resolve({ blob: small, type: 'image/jpeg', width: 1600, height: 1200 }),
    );
    expect(photo.sha256).toBe(await hashOf(small));
    expect([photo.width, photo.height]).toEqual([1600, 1200]);
  });

  it(`allows ${MAX_PHOTOS} photos per owner and refuses the next with a typed error`, async () => {
    const draft = await createDraft('streetlight');
    for (let i = 0; i < MAX_PHOTOS; i++) await addPhoto(draft.id, fakePhoto(i), identityResize);
    const error = await addPhoto(draft.id, fakePhoto(99), identityResize).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoLimitError);
    expect(error).toMatchObject({ code: 'photo_limit', max: MAX_PHOTOS });
    expect(await getPhotos(draft.id)).toHaveLength(MAX_PHOTOS);
  });

  it('stores the same picture once', async () => {
    const draft = await createDraft('streetlight');
    const a = await addPhoto(draft.id, fakePhoto(5), identityResize);
    const b = await addPhoto(draft.id, fakePhoto(5), identityResize);
    expect(b.sha256).toBe(a.sha256);
    expect(await getPhotos(draft.id)).toHaveLength(1);
  });

  it('passes on an unreadable file as PhotoUnreadableError', async () => {
    const draft = await createDraft('streetlight');
    const unreadable = () => Promise.reject(new PhotoUnreadableError());
    await expect(addPhoto(draft.id, new Blob(['text']), unreadable)).rejects.toMatchObject({
      code: 'photo_unreadable',
    });
  });

  it('removes a draft photo; livePhotos follows', async () => {
    const draft = await createDraft('streetlight');
    const a = await addPhoto(draft.id, fakePhoto(1), identityResize);
    await addPhoto(draft.id, fakePhoto(2), identityResize);
    const counts = await new Promise<number[]>((resolve, reject) => {
      const seen: number[] = [];
      const sub = livePhotos(draft.id).subscribe({
        next: (photos) => {
          seen.push(photos.length);
          if (seen.length === 1) removePhoto(draft.id, a.sha256).catch(reject);
          else {
            sub.unsubscribe();
            resolve(seen);
          }
        },
        error: reject,
      });
    });
    expect(counts).toEqual([2, 1]);
  });

  it('does not remove a photo that belongs to a submitted request', async () => {
    const photo = await addPhoto('event-id-of-a-sent-request', fakePhoto(3), identityResize);
    await removePhoto(photo.owner, photo.sha256);
    expect(await getPhotos(photo.owner)).toHaveLength(1);
  });
});
