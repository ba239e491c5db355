import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database';
import {
  createDraft,
  discardDraft,
  emptyDraftValues,
  getDraft,
  liveDrafts,
  saveDraft,
} from '../../../src/db/drafts';
import { StorageFullError } from '../../../src/db/storage';
import { addPhoto, getPhotos } from '../../../src/db/photos';
import type { DraftRecord } from '../../../src/db/records';
import { fakePhoto, identityResize, resetDb, typedValues } from './setup';

beforeEach(resetDb);

describe('drafts', () => {
  it('creates a draft with a UUIDv7 id and empty values, and reads it back', async () => {
    const draft = await createDraft('streetlight');
    expect(draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await getDraft(draft.id)).toEqual({ ...draft, values: emptyDraftValues() });
  });

  it('saves exactly what was typed, with the step', async () => {
    const draft = await createDraft('streetlight');
    expect(await saveDraft(draft.id, typedValues(), 'location')).toBe(true);
    const back = await getDraft(draft.id);
    expect(back?.values).toEqual(typedValues());
    expect(back?.step).toBe('location');
  });

  it('does not bring back a draft that was discarded or submitted', async () => {
    const draft = await createDraft('streetlight');
    await discardDraft(draft.id);
    expect(await saveDraft(draft.id, typedValues(), 'check')).toBe(false);
    expect(await getDraft(draft.id)).toBeUndefined();
  });

  it('discarding removes the draft and its photos together', async () => {
    const draft = await createDraft('streetlight');
    const other = await createDraft('streetlight');
    await addPhoto(draft.id, fakePhoto(1), identityResize);
    await addPhoto(other.id, fakePhoto(2), identityResize);
    await discardDraft(draft.id);
    expect(await getPhotos(draft.id)).toEqual([]);
    expect(await getPhotos(other.id)).toHaveLength(1);
  });

  it('a full disk surfaces as StorageFullError and keeps the last saved state', async () => {
    const draft = await createDraft('streetlight');
    await saveDraft(draft.id, typedValues(), 'details');
    const full = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.drafts.hook('updating', full);
    try {
      const error = await saveDraft(draft.id, emptyDraftValues(), 'location').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageFullError);
    } finally {
      db.drafts.hook('updating').unsubscribe(full);
    }
    const back = await getDraft(draft.id);
    expect(back?.values).toEqual(typedValues());
    expect(back?.step).toBe('details');
  });

  it('skips a damaged record instead of handing it to the form', async () => {
    await db.drafts.put({ id: 'broken', values: 'not values' } as unknown as DraftRecord);
    expect(await getDraft('broken')).toBeUndefined();
  });
});

describe('liveDrafts', () => {
  afterEach(() => vi.useRealTimers());

  it('lists drafts newest change first and follows changes', async () => {
    // Only the clock is faked: Dexie and fake-indexeddb keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
    const a = await createDraft('streetlight');
    vi.setSystemTime(new Date('2026-03-02T09:01:00Z'));
    const b = await createDraft('streetlight');
    vi.setSystemTime(new Date('2026-03-02T09:02:00Z'));

    const seen = await new Promise<string[][]>((resolve, reject) => {
      const lists: string[][] = [];
      const sub = liveDrafts().subscribe({
        next: (drafts) => {
          lists.push(drafts.map((d) => d.id));
          if (lists.length === 1) saveDraft(a.id, typedValues(), 'check').catch(reject);
          else {
            sub.unsubscribe();
            resolve(lists);
          }
        },
        error: reject,
      });
    });
    expect(seen).toEqual([
      [b.id, a.id],
      [a.id, b.id],
    ]);
  });
});
