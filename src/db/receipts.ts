/**
 * What the server answered for each sent event, written to the device. The
 * rule: an outbox entry is removed only in the same transaction that stores
 * what it produced (the receipt), and a refusal never throws away what the
 * person typed. No DOM: the service worker's flush runs this too.
 */
import type { Receipt, SyncEvent } from '../core/events';
import { uuidv7 } from '../core/ids';
import { db, nowIso } from './database';
import { fieldsToDraftValues } from './convert';
import { guardWrite } from './errors';
import { isRequestRecord } from './guards';
import { outboxEvent } from './outbox-guard';
import type { DraftRecord, HistoryEntry, RequestRecord } from './records';

function withHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const seen = history.some((h) => h.at === entry.at && h.status === entry.status);
  return seen ? history : [...history, entry].sort((a, b) => a.at.localeCompare(b.at));
}

async function requestFor(event: SyncEvent): Promise<RequestRecord | undefined> {
  const row =
    event.type === 'attachment_added'
      ? await db.requests.get(event.request_event_id)
      : event.type === 'create_request'
        ? await db.requests.get(event.id)
        : 'tracking' in event && event.tracking !== undefined
          ? await db.requests.where('tracking').equals(event.tracking).first()
          : undefined;
  return isRequestRecord(row) ? row : undefined;
}

/** Stores the receipt of an accepted event on its request, then removes the entry (one transaction). */
export async function acceptEvent(event: SyncEvent, receipt: Receipt | undefined): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.outbox, db.requests, async () => {
      const current = await requestFor(event);
      if (event.type === 'create_request' && receipt) {
        const base: RequestRecord = current ?? {
          id: event.id,
          local_ref: '',
          service_code: event.request.service_code,
          language: event.request.language,
          created_at: event.at,
          summary: event.request.description ?? '',
          state: 'waiting',
          history: [],
        };
        await db.requests.put({
          ...base,
          state: 'sent',
          tracking: receipt.tracking,
          // Only the first answer carries the token; a replayed answer may not.
          ...((receipt.token ?? base.token) !== undefined ? { token: receipt.token ?? base.token } : {}),
          ...((receipt.short_code ?? base.short_code) !== undefined
            ? { short_code: receipt.short_code ?? base.short_code }
            : {}),
          status: receipt.status,
          due: receipt.due,
          pull_all: true,
          submitted_at: receipt.submitted_at,
          history: withHistory(base.history, { at: receipt.submitted_at, status: receipt.status }),
        });
      } else if (current && receipt && current.tracking === receipt.tracking) {
        await db.requests.update(current.id, { status: receipt.status, due: receipt.due });
      }
      await db.outbox.delete(event.id);
    }),
  );
}

/**
 * A refused create_request goes back to being an editable draft with what
 * the person typed and the server's reason; its photos move with it. The
 * draft gets a new id: the server remembers the old event id, and sending it
 * again would only replay the refusal. The request record stays, marked
 * rejected and pointing at the draft, until the draft is sent or discarded.
 * Returns the new draft's id, or undefined if the entry is no longer queued.
 */
export async function returnToDraft(
  requestId: string,
  reason: string,
  fields: string[] = [],
): Promise<string | undefined> {
  return guardWrite(() =>
    db.transaction('rw', [db.outbox, db.requests, db.drafts, db.photos], async () => {
      const entry = await db.outbox.get(requestId);
      const event = entry && outboxEvent(entry);
      if (!entry || event?.type !== 'create_request') return undefined;
      const now = nowIso();
      const draft: DraftRecord = {
        id: uuidv7(),
        service_code: event.request.service_code,
        ...(event.request.service_version ? { service_version: event.request.service_version } : {}),
        values: entry.draft?.values ?? fieldsToDraftValues(event.request),
        step: entry.draft?.step ?? '',
        rejected: { reason, fields },
        created_at: entry.draft?.created_at ?? event.at,
        updated_at: now,
      };
      await db.drafts.add(draft);
      const photos = await db.photos.where('owner').equals(requestId).toArray();
      await db.photos.where('owner').equals(requestId).delete();
      // The bytes the server may hold belong to the old event id: upload again under the new one.
      await db.photos.bulkPut(photos.map((p) => ({ ...p, owner: draft.id, uploaded: false })));
      const attachments = await db.outbox
        .filter((e) => {
          const ev = outboxEvent(e);
          return ev?.type === 'attachment_added' && ev.request_event_id === requestId;
        })
        .primaryKeys();
      await db.outbox.bulkDelete([requestId, ...attachments]);
      await db.requests.update(requestId, {
        state: 'rejected',
        rejected: { reason, fields },
        draft_id: draft.id,
      });
      return draft.id;
    }),
  );
}

/**
 * A refused later event. Feedback and photo links keep their data elsewhere
 * (on the request record, in the photos table), so the entry goes and the
 * request notes the problem; anything else (an officer's visit log) stays
 * parked in the outbox with the reason, never sent again, never lost.
 */
export async function rejectEvent(event: SyncEvent, reason: string, fields: string[] = []): Promise<void> {
  if (event.type === 'create_request') {
    await returnToDraft(event.id, reason, fields);
    return;
  }
  await guardWrite(() =>
    db.transaction('rw', db.outbox, db.requests, async () => {
      const at = nowIso();
      const current = await requestFor(event);
      if (current) {
        const problem = { event_id: event.id, type: event.type, reason, at };
        await db.requests.update(current.id, { problems: [...(current.problems ?? []), problem] });
      }
      if (event.type === 'feedback' || event.type === 'attachment_added') await db.outbox.delete(event.id);
      else
        await db.outbox.update(event.id, {
          rejected: { reason, fields, at },
          next_attempt_at: Number.MAX_SAFE_INTEGER,
        });
    }),
  );
}
