import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncEventSchema } from '../../../src/core/events';
import { db } from '../../../src/db/database';
import { getDraft } from '../../../src/db/drafts';
import { addPhoto } from '../../../src/db/photos';
import { getRequest } from '../../../src/db/requests';
import { submitDraft } from '../../../src/db/submit';
import { fakePhoto, filledDraft, identityResize, resetDb, seedCatalog, typedValues } from './setup';

beforeEach(async () => {
  await resetDb();
  await seedCatalog();
});

async function outboxEvents() {
  const rows = await db.outbox.toArray();
  return rows.map((r) => syncEventSchema.parse(r.event));
}

describe('submitDraft', () => {
  it('queues a valid create_request with coerced answers, records the request and removes the draft', async () => {
    const draft = await filledDraft();
    const result = await submitDraft(draft.id, 'web', { language: 'fr' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const [event, ...rest] = await outboxEvents();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ id: draft.id, type: 'create_request', channel: 'web' });
    if (event?.type !== 'create_request') throw new Error('expected create_request');
    expect(event.request.attributes).toEqual({ problem: 'out', lamps_out: 2, hazards: ['cable'] });
    expect(event.request.language).toBe('fr');
    expect(event.at).toMatch(/Z$|[+-]\d\d:\d\d$/);

    expect(result.request).toMatchObject({
      id: draft.id,
      state: 'waiting',
      service_code: 'streetlight',
      language: 'fr',
    });
    expect(result.request.local_ref).toMatch(/^L-[0-9A-F]{4}$/);
    expect(result.request.summary).toBe('Dark since Monday');
    expect(await getRequest(draft.id)).toEqual(result.request);
    expect(await getDraft(draft.id)).toBeUndefined();
    // The typed words ride along, in case the server sends the request back.
    expect((await db.outbox.get(draft.id))?.draft?.values).toEqual(typedValues());
  });

  it('adds one attachment_added per photo, after the create_request', async () => {
    const draft = await filledDraft();
    const p1 = await addPhoto(draft.id, fakePhoto(1), identityResize);
    const p2 = await addPhoto(draft.id, fakePhoto(2), identityResize);
    const result = await submitDraft(draft.id, 'kiosk');
    expect(result.ok).toBe(true);
    const events = (await db.outbox.orderBy('id').toArray()).map((r) => r.event);
    expect(events.map((e) => e.type)).toEqual(['create_request', 'attachment_added', 'attachment_added']);
    const create = events[0];
    if (create?.type !== 'create_request') throw new Error('expected create_request');
    expect(create.request.photos?.map((p) => p.sha256)).toEqual([p1.sha256, p2.sha256]);
    for (const e of events.slice(1)) expect(e).toMatchObject({ request_event_id: draft.id });
  });

  it('returns field errors and writes nothing when the answers are not valid', async () => {
    const draft = await filledDraft({
      ...typedValues(),
      attributes: { problem: '', lamps_out: 'two' },
      location: { address_string: ' ' },
    });
    const result = await submitDraft(draft.id, 'web');
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { field: 'attributes.problem', code: 'required' },
        { field: 'attributes.lamps_out', code: 'not_a_number' },
        { field: 'location', code: 'location_required' },
      ]) as unknown,
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.requests.count()).toBe(0);
    expect((await getDraft(draft.id))?.values.attributes['lamps_out']).toBe('two');
  });

  it('is all or nothing: a failing write leaves the draft and an empty outbox', async () => {
    const draft = await filledDraft();
    // A record already under this id makes the requests.add inside the transaction fail.
    await db.requests.add({ id: draft.id } as never);
    await expect(submitDraft(draft.id, 'web')).rejects.toThrow();
    expect(await getDraft(draft.id)).toBeDefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a second submit of the same draft answers with the same request', async () => {
    const draft = await filledDraft();
    const first = await submitDraft(draft.id, 'web');
    const second = await submitDraft(draft.id, 'web');
    expect(second).toEqual(first);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a draft whose service is not in the catalog', async () => {
    const draft = await filledDraft();
    await db.services.clear();
    const result = await submitDraft(draft.id, 'web');
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'service_code' }] });
    expect(await getDraft(draft.id)).toBeDefined();
  });
});
