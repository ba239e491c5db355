/**
 * Drafts: forms in progress, stored exactly as typed (strings) so reopening,
 * reloading or a crash restores the same state. A draft's id is a UUIDv7 and
 * becomes the create_request event id when it is submitted. Photos are kept
 * in their own table, owned by the draft id (photos.ts); autosave.ts writes
 * through saveDraft while a form is open.
 */
import { liveQuery, type Observable } from 'dexie';
import { uuidv7 } from '../core/ids';
import { db, nowIso } from './database';
import { guardWrite } from './errors';
import { isDraftRecord } from './guards';
import type { DraftRecord, DraftValues } from './records';

export function emptyDraftValues(): DraftValues {
  return {
    attributes: {},
    description: '',
    location: { address_string: '' },
    contact: { name: '', phone: '', email: '', consent_updates: false },
  };
}

export async function createDraft(serviceCode: string): Promise<DraftRecord> {
  const now = nowIso();
  const version = (await db.services.get(serviceCode))?.service.version;
  const draft: DraftRecord = {
    id: uuidv7(),
    service_code: serviceCode,
    ...(version !== undefined ? { service_version: version } : {}),
    values: emptyDraftValues(),
    step: '',
    created_at: now,
    updated_at: now,
  };
  await guardWrite(() => db.drafts.add(draft));
  return draft;
}

export async function getDraft(id: string): Promise<DraftRecord | undefined> {
  const row = await db.drafts.get(id);
  return isDraftRecord(row) ? row : undefined;
}

/** Every valid draft, most recently changed first (for "Continue where you left off"). */
export function liveDrafts(): Observable<DraftRecord[]> {
  return liveQuery(async () => {
    const rows = await db.drafts.orderBy('updated_at').reverse().toArray();
    return rows.filter(isDraftRecord);
  });
}

/**
 * Stores the form's current state. Only updates an existing draft: a late
 * autosave after the draft was submitted or discarded (in this or another
 * tab) must not bring it back. Resolves false when there was nothing to update.
 */
export async function saveDraft(id: string, values: DraftValues, step: string): Promise<boolean> {
  const changed = await guardWrite(() =>
    // A JSON copy: Solid stores hand in proxies, which IndexedDB cannot clone.
    db.drafts.update(id, {
      values: JSON.parse(JSON.stringify(values)) as DraftValues,
      step,
      updated_at: nowIso(),
    }),
  );
  return changed > 0;
}

/**
 * Removes a draft and its photos together. A request sent back by the server
 * also points at its draft (draft_id); it goes too, since the person chose to
 * drop it. Ids that are not drafts (a submitted request) are left alone.
 */
export async function discardDraft(id: string): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.drafts, db.photos, db.requests, async () => {
      if (!(await db.drafts.get(id))) return;
      await db.drafts.delete(id);
      await db.photos.where('owner').equals(id).delete();
      await db.requests.where('draft_id').equals(id).delete();
    }),
  );
}
