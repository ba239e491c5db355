import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { getDraft, liveDrafts } from '../../../src/db/drafts';
import { addPhoto, getPhotos } from '../../../src/db/photos';
import { addFeedback } from '../../../src/db/feedback';
import { acceptEvent, returnToDraft } from '../../../src/db/receipts';
import { getRequest, getRequestByTracking } from '../../../src/db/requests';
import { submitDraft } from '../../../src/db/submit';
import type { RequestRecord } from '../../../src/db/records';
import { fakePhoto, filledDraft, identityResize, resetDb, seedCatalog, typedValues } from './setup';

beforeEach(async () => {
  await resetDb();
  await seedCatalog();
});

const receipt = {
  tracking: 'CD-23456782',
  token: 'abcdefghijklmnopqrstuvwxyz012345',
  status: 'submitted' as const,
  due: '2026-03-09',
  service_code: 'streetlight',
  submitted_at: '2026-03-02T09:00:00.000Z',
};

async function submitted(withPhoto = false): Promise<RequestRecord> {
  const draft = await filledDraft();
  if (withPhoto) await addPhoto(draft.id, fakePhoto(1), identityResize);
  const result = await submitDraft(draft.id, 'web');
  if (!result.ok) throw new Error('submit failed');
  return result.request;
}

describe('returnToDraft', () => {
  it('gives the person their own words back as a draft, with the reason, and empties the outbox', async () => {
    const request = await submitted(true);
    const draftId = await returnToDraft(request.id, 'missing_attribute', ['attributes.problem']);
    expect(draftId).toBeDefined();
    const draft = await getDraft(draftId!);
    expect(draft?.values).toEqual(typedValues());
    expect(draft?.step).toBe('check');
    expect(draft?.rejected).toEqual({ reason: 'missing_attribute', fields: ['attributes.problem'] });
    // A new id: the server would answer the old event id with the same refusal.
    expect(draftId).not.toBe(request.id);
    expect(await db.outbox.count()).toBe(0);
    const photos = await getPhotos(draftId!);
    expect(photos).toHaveLength(1);
    expect(photos[0]?.uploaded).toBe(false);
    expect(await getRequest(request.id)).toMatchObject({ state: 'rejected', draft_id: draftId });
  });

  it('sending the returned draft again replaces the rejected record', async () => {
    const request = await submitted();
    const draftId = await returnToDraft(request.id, 'invalid');
    const again = await submitDraft(draftId!, 'web');
    expect(again.ok).toBe(true);
    expect(await getRequest(request.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('does nothing for a request that is no longer queued', async () => {
    const request = await submitted();
    await acceptEvent((await db.outbox.get(request.id))!.event, receipt);
    expect(await returnToDraft(request.id, 'invalid')).toBeUndefined();
    const drafts = await new Promise<unknown[]>((resolve) => {
      const sub = liveDrafts().subscribe((d) => {
        sub.unsubscribe();
        resolve(d);
      });
    });
    expect(drafts).toEqual([]);
  });
});

describe('receipts and feedback', () => {
  it('stores the receipt on the request before the outbox entry goes', async () => {
    const request = await submitted();
    await acceptEvent((await db.outbox.get(request.id))!.event, receipt);
    expect(await db.outbox.count()).toBe(0);
    const sent = await getRequestByTracking(receipt.tracking);
    expect(sent).toMatchObject({
      id: request.id,
      state: 'sent',
      token: receipt.token,
      due: receipt.due,
      status: 'submitted',
    });
    expect(sent?.history).toEqual([{ at: receipt.submitted_at, status: 'submitted' }]);
  });

  it('feedback needs a tracking number', async () => {
    const request = await submitted();
    await expect(addFeedback(request.id, 5)).rejects.toMatchObject({ code: 'not_sent' });
    await expect(addFeedback('nope', 5)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('queues feedback and keeps it on the request, in one go', async () => {
    const request = await submitted();
    await acceptEvent((await db.outbox.get(request.id))!.event, receipt);
    await addFeedback(request.id, 4, '  Fixed quickly ');
    const [entry] = await db.outbox.toArray();
    expect(entry?.event).toMatchObject({
      type: 'feedback',
      tracking: receipt.tracking,
      token: receipt.token,
      rating: 4,
      comment: 'Fixed quickly',
    });
    expect((await getRequest(request.id))?.feedback).toMatchObject({ rating: 4, comment: 'Fixed quickly' });
    await expect(addFeedback(request.id, 9)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('queues "partly fixed" with the rating', async () => {
    const request = await submitted();
    await acceptEvent((await db.outbox.get(request.id))!.event, receipt);
    await addFeedback(request.id, 3, undefined, 'partly');
    const [entry] = await db.outbox.toArray();
    expect(entry?.event).toMatchObject({ type: 'feedback', rating: 3, fixed: 'partly' });
    expect((await getRequest(request.id))?.feedback).toMatchObject({ rating: 3, fixed: 'partly' });
  });
});
