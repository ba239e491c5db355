/**
 * The flush against a real HTTP server on 127.0.0.1 (test-server.ts): real
 * fetch, real (fake-indexeddb) Dexie, a controlled clock and jitter.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { getDraft } from '../../../src/db/drafts';
import { addPhoto } from '../../../src/db/photos';
import { getRequest } from '../../../src/db/requests';
import { submitDraft } from '../../../src/db/submit';
import { BACKOFF_CAP_MS } from '../../../src/sync/backoff';
import { flush, type FlushOptions } from '../../../src/sync/flush';
import { fakePhoto, filledDraft, identityResize, resetDb, seedCatalog, typedValues } from '../db/setup';
import { TestApi } from './test-server';

let api: TestApi;
let clock: number;

beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

beforeEach(async () => {
  await api.stop();
  api = await new TestApi().start();
  await resetDb();
  await seedCatalog();
  // Ahead of the real clock, so what submitDraft queues (due at the real now) is due.
  clock = Date.now() + 60_000;
});

function run(options: FlushOptions = {}) {
  return flush({
    ...options,
    deps: { baseUrl: api.url, now: () => clock, random: () => 0.5, ...options.deps },
  });
}

async function submit(photos = 0): Promise<string> {
  const draft = await filledDraft();
  for (let i = 0; i < photos; i++) await addPhoto(draft.id, fakePhoto(i), identityResize);
  const result = await submitDraft(draft.id, 'web');
  if (!result.ok) throw new Error('submit failed');
  return draft.id;
}

describe('flush', () => {
  it('server answers 500 twice then 200: backs off, retries, delivers exactly once', async () => {
    const id = await submit(1);
    api.failNext = [{ status: 500 }, { status: 503 }];

    expect(await run()).toEqual({ sent: 0, rejected: 0, waiting: 2, error: 'server' });
    let entry = await db.outbox.get(id);
    // Full jitter with random() = 0.5 after the first failure: half of 2 s.
    expect(entry).toMatchObject({ attempts: 1, next_attempt_at: clock + 1_000, last_error: 'server:500' });

    // Not due yet: nothing is sent.
    expect(await run()).toEqual({ sent: 0, rejected: 0, waiting: 2 });
    expect(api.postCalls).toBe(1);

    clock += 1_000;
    expect(await run()).toMatchObject({ sent: 0, waiting: 2, error: 'server' });
    entry = await db.outbox.get(id);
    expect(entry).toMatchObject({ attempts: 2, next_attempt_at: clock + 2_000, last_error: 'server:503' });

    clock += 2_000;
    expect(await run()).toEqual({ sent: 2, rejected: 0, waiting: 0 });
    expect(api.postCalls).toBe(3);
    expect(api.applied.get(id)).toBe(1);
    expect(await getRequest(id)).toMatchObject({
      state: 'sent',
      tracking: 'CD-23456782',
      status: 'submitted',
      due: '2026-03-09',
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('uploads photos before the events, and the bytes arrive intact', async () => {
    const id = await submit(2);
    await run();
    const photos = await db.photos.where('owner').equals(id).toArray();
    expect(photos).toHaveLength(2);
    for (const p of photos) {
      const got = api.uploads.get(`${id}/${p.sha256}`);
      expect(got && createHash('sha256').update(got).digest('hex')).toBe(p.sha256);
      expect(p.uploaded).toBe(true);
    }
    const [batch] = api.posts;
    expect(batch?.map((e) => e.type)).toEqual(['create_request', 'attachment_added', 'attachment_added']);
  });

  it('a receipt lost on the way back: the same event id is sent again and applied once', async () => {
    const id = await submit();
    api.failNext = [{ status: 502, afterApply: true }];
    expect(await run()).toMatchObject({ error: 'server', waiting: 1 });
    clock += 1_000;
    expect(await run()).toMatchObject({ sent: 1, waiting: 0 });
    expect(api.posts.map((b) => b.map((e) => e.id))).toEqual([[id], [id]]);
    expect(api.applied.get(id)).toBe(1);
    expect((await getRequest(id))?.tracking).toBe('CD-23456782');
  });

  it('a refusal sends the request back to an editable draft with everything typed', async () => {
    const id = await submit(1);
    api.refuse.set(id, 'missing_attribute');
    expect(await run()).toMatchObject({ sent: 1, rejected: 1, waiting: 0 });
    const request = await getRequest(id);
    expect(request).toMatchObject({ state: 'rejected', rejected: { reason: 'missing_attribute' } });
    const draft = await getDraft(request!.draft_id!);
    expect(draft?.values).toEqual(typedValues());
    expect(await db.photos.where('owner').equals(draft!.id).count()).toBe(1);
  });

  it('no network: records the attempt and keeps everything', async () => {
    const id = await submit();
    const summary = await flush({
      deps: { baseUrl: 'http://127.0.0.1:1', now: () => clock, random: () => 0 },
    });
    expect(summary).toEqual({ sent: 0, rejected: 0, waiting: 1, error: 'offline' });
    expect(await db.outbox.get(id)).toMatchObject({ attempts: 1, last_error: 'offline' });
  });

  it('force ignores the backoff (Send now, back online)', async () => {
    await submit();
    api.failNext = [{ status: 429, headers: { 'Retry-After': '120' } }];
    await run();
    const [entry] = await db.outbox.toArray();
    expect(entry?.next_attempt_at).toBe(clock + 120_000);
    expect(await run({ force: true })).toMatchObject({ sent: 1, waiting: 0 });
  });

  it('refused for too many requests (429): the whole backlog stays, says why, and goes later', async () => {
    for (let i = 0; i < 30; i++) await submit();
    api.failNext = [{ status: 429, headers: { 'Retry-After': '3600' } }];
    expect(await run()).toEqual({ sent: 0, rejected: 0, waiting: 30, error: 'rate_limited' });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(30);
    // The server's hour is longer than the backoff's cap: the device asks again after the cap.
    for (const e of entries) expect(e.next_attempt_at).toBe(clock + BACKOFF_CAP_MS);
    expect(await run()).toMatchObject({ sent: 0, waiting: 30 });
    clock += BACKOFF_CAP_MS;
    expect(await run()).toEqual({ sent: 30, rejected: 0, waiting: 0 });
    expect(new Set(api.posts.flat().map((e) => e.id)).size).toBe(30);
  });

  it('sends in batches of at most 100', async () => {
    for (let i = 0; i < 130; i++) await submit();
    expect(await run()).toEqual({ sent: 130, rejected: 0, waiting: 0 });
    expect(api.posts.map((b) => b.length)).toEqual([100, 30]);
  });

  it('a batch the server cannot read is split so the rest still goes', async () => {
    const ids = [await submit(), await submit(), await submit()];
    api.unreadable.add(ids[1]!);
    expect(await run()).toMatchObject({ sent: 2, waiting: 1, error: 'refused' });
    expect(await db.outbox.get(ids[1]!)).toMatchObject({ attempts: 1, last_error: 'refused:400' });
    expect(api.applied.get(ids[0]!)).toBe(1);
    expect(api.applied.get(ids[2]!)).toBe(1);
  });

  it('pulls changes for the tokens it holds and stores the cursor', async () => {
    const id = await submit();
    api.changes = {
      cursor: 'c-2',
      changes: [
        {
          tracking: 'CD-23456782',
          status: 'acknowledged',
          due: '2026-03-10',
          updated_at: '2026-03-03T10:00:00.000Z',
          history: [
            { at: '2026-03-02T09:00:00.000Z', status: 'submitted' },
            { at: '2026-03-03T10:00:00.000Z', status: 'acknowledged', message: 'A crew is booked.' },
          ],
        },
      ],
    };
    await run();
    expect(api.tokenHeaders).toEqual([`token-${'1'.padStart(26, '0')}`]);
    expect(await getRequest(id)).toMatchObject({ status: 'acknowledged', due: '2026-03-10' });
    expect((await getRequest(id))?.history).toHaveLength(2);
    expect((await db.meta.get('syncCursor'))?.value).toBe('c-2');
  });

  it('a receipt that comes after the cursor moved past its changes: that request is pulled whole', async () => {
    const first = await submit();
    await run();
    expect(api.changesSince).toEqual([null]);
    // The second request arrives, the desk acknowledges it, but the receipt is lost on the way back.
    const second = await submit();
    api.failNext = [{ status: 503, afterApply: true }];
    await run();
    const result = api.results.get(second);
    const tracking = result?.outcome === 'accepted' ? (result.receipt?.tracking ?? '') : '';
    expect(tracking).not.toBe('');
    const acknowledged = {
      tracking,
      status: 'acknowledged' as const,
      due: '2026-03-09',
      updated_at: '2026-03-02T10:00:00.000Z',
      history: [
        { at: '2026-03-02T09:00:00.000Z', status: 'submitted' as const },
        { at: '2026-03-02T10:00:00.000Z', status: 'acknowledged' as const, message: 'We have it.' },
      ],
    };
    // The real server: the acknowledgement is older than cursor c-9, so a pull since c-9 does not carry it.
    api.changesFor = (since, tokens) => ({
      cursor: 'c-9',
      changes: since === null && tokens.includes(`token-${'2'.padStart(26, '0')}`) ? [acknowledged] : [],
    });
    // While the second waits for its retry, a pull for the first moves the cursor on.
    await run();
    expect(api.changesSince.at(-1)).toBe('c-1');
    // The retry gets the replayed receipt, which still says "submitted".
    clock += 3_600_000;
    await run();
    expect(api.applied.get(second)).toBe(1);
    expect(api.changesSince.slice(-2)).toEqual([null, 'c-9']);
    expect(await getRequest(second)).toMatchObject({ tracking, status: 'acknowledged' });
    expect((await getRequest(second))?.history.at(-1)?.message).toBe('We have it.');
    expect((await getRequest(first))?.pull_all).toBeUndefined();
    // Once pulled whole, it is asked for since the cursor like the rest.
    await run();
    expect(api.changesSince.at(-1)).toBe('c-9');
    expect(api.tokenHeaders.at(-1)?.split(',')).toHaveLength(2);
  });
});
