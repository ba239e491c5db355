/**
 * What the flush does when the server refuses part of what it sends: a photo
 * upload, or a later event such as feedback. Nothing the person gave is lost.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { addPhoto } from '../../../src/db/photos';
import { addFeedback } from '../../../src/db/feedback';
import { getRequest } from '../../../src/db/requests';
import { submitDraft } from '../../../src/db/submit';
import { flush } from '../../../src/sync/flush';
import { fakePhoto, filledDraft, identityResize, resetDb, seedCatalog } from '../db/setup';
import { TestApi } from './test-server';

let api: TestApi;
const clock = () => Date.now() + 60_000;

beforeEach(async () => {
  api = await new TestApi().start();
  await resetDb();
  await seedCatalog();
});
afterEach(() => api.stop());

const run = () => flush({ deps: { baseUrl: api.url, now: clock, random: () => 0.5 } });

async function submit(photos = 0): Promise<string> {
  const draft = await filledDraft();
  for (let i = 0; i < photos; i++) await addPhoto(draft.id, fakePhoto(i), identityResize);
  const result = await submitDraft(draft.id, 'web');
  if (!result.ok) throw new Error('submit failed');
  return draft.id;
}

describe('flush and refusals', () => {
  it('a refused upload holds back only its photo link; the request itself goes', async () => {
    const id = await submit(1);
    const [photo] = await db.photos.where('owner').equals(id).toArray();
    api.refuseUploads.add(photo!.sha256);
    expect(await run()).toMatchObject({ sent: 1, rejected: 0, waiting: 1 });
    expect((await getRequest(id))?.state).toBe('sent');
    const [held] = await db.outbox.toArray();
    expect(held).toMatchObject({ attempts: 1, last_error: 'refused:409' });
    expect(held?.event.type).toBe('attachment_added');
    expect((await db.photos.where('owner').equals(id).first())?.uploaded).toBe(false);
  });

  it('refused feedback leaves the outbox, stays on the request, and the problem is noted', async () => {
    const id = await submit();
    await run();
    await addFeedback(id, 2, 'Still dark');
    const [entry] = await db.outbox.toArray();
    api.refuse.set(entry!.id, 'invalid_transition');
    expect(await run()).toMatchObject({ sent: 0, rejected: 1, waiting: 0 });
    const request = await getRequest(id);
    expect(request?.feedback).toMatchObject({ rating: 2, comment: 'Still dark' });
    expect(request?.problems).toMatchObject([
      { event_id: entry!.id, type: 'feedback', reason: 'invalid_transition' },
    ]);
  });

  it('a damaged outbox entry is skipped, not sent and not deleted', async () => {
    await db.outbox.add({
      id: 'broken',
      event: { type: 'nonsense' },
      created_at: '',
      attempts: 0,
      next_attempt_at: 0,
    } as never);
    const id = await submit();
    expect(await run()).toMatchObject({ sent: 1 });
    expect(api.posts.flat().map((e) => e.id)).toEqual([id]);
    expect(await db.outbox.get('broken')).toBeDefined();
  });
});
