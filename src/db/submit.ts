/**
 * Submitting a draft: it becomes a validated create_request event in the
 * outbox (plus an attachment_added event per photo), a RequestRecord waiting
 * to be sent, and the draft is removed — all in one transaction, so there is
 * never a moment where the request is in neither place or in both. Storing
 * only: the page that submitted asks src/sync for a flush.
 */
import { DEFAULT_LANG, type Lang } from '../core/lang';
import type { Channel } from '../core/status';
import { attachmentAddedEvent, createRequestEvent, type SyncEvent } from '../core/events';
import { uuidv7 } from '../core/ids';
import { validateRequest, type FieldError } from '../core/validate';
import { db, nowIso } from './database';
import { draftToFields, summarize } from './convert';
import { guardWrite } from './errors';
import { isDraftRecord, isPhotoRecord, isRequestRecord, serviceOf } from './guards';
import { getMeta, setMeta } from './meta';
import type { OutboxRecord, RequestRecord } from './records';
import { requestPersistentStorage } from './storage';

export type SubmitResult = { ok: true; request: RequestRecord } | { ok: false; errors: FieldError[] };

export interface SubmitOptions {
  /** The language the person is using; defaults to the one last stored, then English. */
  language?: Lang;
}

/** A short reference shown until the tracking number arrives: 4 hex digits of the id's random tail. */
export function localRef(id: string): string {
  return `L-${id.slice(-4).toUpperCase()}`;
}

function failure(field: string, reason: string): SubmitResult {
  return { ok: false, errors: [{ field, code: 'invalid', params: { reason } }] };
}

function outboxEntry(event: SyncEvent, now: number, draft?: OutboxRecord['draft']): OutboxRecord {
  return {
    id: event.id,
    event,
    created_at: nowIso(now),
    attempts: 0,
    next_attempt_at: now,
    ...(draft ? { draft } : {}),
  };
}

/**
 * Validates and queues the draft. Field errors come back for the form's error
 * summary; nothing is written then. Submitting a draft that was already
 * submitted (a double tap, a second tab) answers with the request it became.
 */
export async function submitDraft(
  draftId: string,
  channel: Channel,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const language = options.language ?? (await getMeta('language')) ?? DEFAULT_LANG;
  const result = await guardWrite(() =>
    // Everything is read and written in one transaction (zod and uuidv7 are
    // synchronous), so an autosave landing meanwhile cannot be half-included.
    db.transaction('rw', [db.drafts, db.services, db.photos, db.outbox, db.requests, db.meta], async () => {
      const draft = await db.drafts.get(draftId);
      if (!isDraftRecord(draft)) {
        const existing = await db.requests.get(draftId);
        return isRequestRecord(existing)
          ? { ok: true as const, request: existing }
          : failure('request', 'no_draft');
      }
      const serviceRow = await db.services.get(draft.service_code);
      const service = serviceRow && serviceOf(serviceRow);
      if (!service) return failure('service_code', 'unknown_service');

      const photos = (await db.photos.where('owner').equals(draftId).toArray())
        .filter(isPhotoRecord)
        .sort((a, b) => a.added_at.localeCompare(b.added_at));
      const refs = photos.map((p) => ({ sha256: p.sha256, type: p.type, size: p.size }));
      const checked = validateRequest(
        service,
        draftToFields(service, draft.values, language, refs, draft.service_version ?? 1),
      );
      if (!checked.ok) return { ok: false as const, errors: checked.errors };

      const now = Date.now();
      const at = nowIso(now);
      const event = createRequestEvent.safeParse({
        id: draft.id,
        at,
        type: 'create_request',
        channel,
        request: checked.value,
      });
      if (!event.success) return failure('request', 'invalid_event');
      const attachments: SyncEvent[] = [];
      for (const p of refs) {
        // Made after the create_request id, so they sort (and are sent) after it.
        const a = attachmentAddedEvent.safeParse({
          id: uuidv7(now),
          at,
          type: 'attachment_added',
          request_event_id: draft.id,
          photo: p,
        });
        if (!a.success) return failure('photos', 'invalid_event');
        attachments.push(a.data);
      }

      const request: RequestRecord = {
        id: draft.id,
        local_ref: localRef(draft.id),
        service_code: service.service_code,
        language,
        created_at: at,
        summary: summarize(service, checked.value),
        state: 'waiting',
        history: [],
      };
      const typed = { values: draft.values, step: draft.step, created_at: draft.created_at };
      await db.outbox.bulkAdd([
        outboxEntry(event.data, now, typed),
        ...attachments.map((a) => outboxEntry(a, now)),
      ]);
      // A request sent back earlier and now sent again replaces its rejected record.
      await db.requests.where('draft_id').equals(draft.id).delete();
      await db.requests.add(request);
      await db.drafts.delete(draft.id);
      if (options.language) await setMeta('language', options.language);
      return { ok: true as const, request };
    }),
  );
  if (result.ok) {
    // The first submission is the moment stored data starts to matter to the person.
    requestPersistentStorage().catch(() => undefined);
  }
  return result;
}
