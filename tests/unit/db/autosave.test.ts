import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { makeDraftAutosave, type DraftAutosave } from '../../../src/db/autosave';
import { createDraft, getDraft } from '../../../src/db/drafts';
import type { DraftValues } from '../../../src/db/records';
import { resetDb, typedValues } from './setup';

// Node has no window or document: stand-ins that dispatch the same events a page would.
const page = globalThis as unknown as {
  window?: EventTarget;
  document?: EventTarget & { visibilityState: string };
};
const fakeWindow = new EventTarget();
const fakeDocument = Object.assign(new EventTarget(), { visibilityState: 'visible' });

let autosave: DraftAutosave | undefined;
let updates = 0;
const countUpdate = (): void => {
  updates++;
};

beforeEach(async () => {
  page.window = fakeWindow;
  page.document = fakeDocument;
  fakeDocument.visibilityState = 'visible';
  await resetDb();
  updates = 0;
  db.drafts.hook('updating', countUpdate);
});

afterEach(() => {
  autosave?.dispose();
  autosave = undefined;
  db.drafts.hook('updating').unsubscribe(countUpdate);
  delete page.window;
  delete page.document;
});

function withDescription(text: string): DraftValues {
  return { ...typedValues(), description: text };
}

/** Resolves as soon as the stored draft satisfies `ok` (Dexie tells live queries of every write). */
function storedWhen(id: string, ok: (values: DraftValues | undefined) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = liveQuery(() => getDraft(id)).subscribe({
      next: (d) => {
        if (!ok(d?.values)) return;
        sub.unsubscribe();
        resolve();
      },
      error: reject,
    });
  });
}

describe('makeDraftAutosave', () => {
  it('writes the latest state once, shortly after a burst of changes, without being asked', async () => {
    const draft = await createDraft('streetlight');
    let state = { values: withDescription(''), step: 'details' };
    autosave = makeDraftAutosave(draft.id, () => state, { delayMs: 30 });
    for (const text of ['D', 'Da', 'Dar', 'Dark']) {
      state = { values: withDescription(text), step: 'details' };
      autosave.schedule();
    }
    const started = Date.now();
    await storedWhen(draft.id, (v) => v?.description === 'Dark');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(updates).toBe(1);
  });

  it('writes at once when the page is hidden or closed', async () => {
    const draft = await createDraft('streetlight');
    let state = { values: withDescription('first'), step: 'details' };
    autosave = makeDraftAutosave(draft.id, () => state, { delayMs: 60_000 });

    autosave.schedule();
    fakeWindow.dispatchEvent(new Event('pagehide'));
    await autosave.flush();
    expect((await getDraft(draft.id))?.values.description).toBe('first');

    state = { values: withDescription('second'), step: 'location' };
    autosave.schedule();
    fakeDocument.visibilityState = 'hidden';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    await autosave.flush();
    const back = await getDraft(draft.id);
    expect(back?.values.description).toBe('second');
    expect(back?.step).toBe('location');
    expect(updates).toBe(2);
  });

  it('dispose writes what is pending and stops listening', async () => {
    const draft = await createDraft('streetlight');
    const state = { values: withDescription('last words'), step: 'details' };
    const save = makeDraftAutosave(draft.id, () => state, { delayMs: 60_000 });
    save.schedule();
    save.dispose();
    await save.flush();
    expect((await getDraft(draft.id))?.values.description).toBe('last words');
    fakeWindow.dispatchEvent(new Event('pagehide'));
    await save.flush();
    expect(updates).toBe(1);
  });

  it('a late change to a draft that is gone (submitted in another tab) writes nothing', async () => {
    const errors: unknown[] = [];
    const state = { values: withDescription('x'), step: 'details' };
    autosave = makeDraftAutosave('no-such-draft', () => state, { onError: (e) => errors.push(e) });
    autosave.schedule();
    await autosave.flush();
    expect(errors).toEqual([]);
    expect(await getDraft('no-such-draft')).toBeUndefined();
  });
});
