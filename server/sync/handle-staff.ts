/**
 * Handlers for what a signed-in officer's or agent's device sends after
 * working offline: status changes, notes and photos on a request. They reuse
 * the staff actions, so the same role and lifecycle rules hold online and
 * offline. Each event stands alone: a refused status change does not take
 * the note sent beside it down with it. Visits are in handle-visit.ts.
 */
import type { EventResult, ReasonCode } from '../../src/core/events';
import type { StaffUser } from '../auth/roles';
import { addNote, changeStatus, markDuplicate, type ActionResult } from '../requests/actions';
import { clampDeviceTime } from '../requests/create';
import { appendEvent } from '../requests/history';
import { receiptOf } from '../requests/read';
import type { RequestRow } from '../requests/types';
import type { NoteEvent, PhotoAddedEvent, StatusChangeEvent } from './event-types';
import { accessRequest } from './request-access';
import { rejected, type Applied, type Handler, type SyncContext } from './types';

const REASONS: Record<Exclude<ActionResult, { ok: true }>['error'], ReasonCode> = {
  not_found: 'unknown_request',
  forbidden: 'forbidden',
  invalid_transition: 'invalid_transition',
  invalid: 'invalid',
};

export function staffOf(ctx: SyncContext): StaffUser {
  // refusal() let the event through only with a staff member.
  if (!ctx.staff) throw new Error('staff event without staff');
  return ctx.staff;
}

function refusedWithStatus(id: string, reason: ReasonCode, request: RequestRow): Applied {
  const result: EventResult = { id, outcome: 'rejected', reason, status: request.status };
  return { result, requestId: null };
}

function toApplied(id: string, r: ActionResult, before: RequestRow): Applied {
  if (!r.ok) {
    const reason = REASONS[r.error];
    return reason === 'invalid_transition'
      ? refusedWithStatus(id, reason, before)
      : { result: { id, outcome: 'rejected', reason }, requestId: null };
  }
  return { result: { id, outcome: 'accepted', receipt: receiptOf(r.request) }, requestId: r.request.id };
}

export const handleStatusChange: Handler<StatusChangeEvent> = async (tx, ctx, e) => {
  const at = clampDeviceTime(new Date(e.at), ctx.now);
  const staff = staffOf(ctx);
  const access = await accessRequest(tx, staff, e.tracking);
  if (!access.ok) return rejected(e, access.reason);
  const before = access.request;
  // The sender decided from a status that is no longer true: never apply it over someone else's.
  if (e.from !== undefined && e.from !== before.status)
    return refusedWithStatus(e.id, 'status_changed', before);
  if (e.to === 'duplicate') {
    if (!e.duplicate_of) return rejected(e, 'invalid', ['duplicate_of']);
    return toApplied(
      e.id,
      await markDuplicate(tx, staff, e.tracking, { of: e.duplicate_of, message: e.message, at }),
      before,
    );
  }
  if (e.duplicate_of) return rejected(e, 'invalid', ['duplicate_of']);
  return toApplied(
    e.id,
    await changeStatus(tx, staff, e.tracking, { to: e.to, message: e.message, at }),
    before,
  );
};

export const handleNote: Handler<NoteEvent> = async (tx, ctx, e) => {
  const at = clampDeviceTime(new Date(e.at), ctx.now);
  const staff = staffOf(ctx);
  const access = await accessRequest(tx, staff, e.tracking);
  if (!access.ok) return rejected(e, access.reason);
  return toApplied(
    e.id,
    await addNote(tx, staff, e.tracking, { text: e.text, public: e.public, at }),
    access.request,
  );
};

/** A photo the staff member took of a request they work on; the bytes come under this event's id. */
export const handlePhotoAdded: Handler<PhotoAddedEvent> = async (tx, ctx, e) => {
  const staff = staffOf(ctx);
  const access = await accessRequest(tx, staff, e.tracking);
  if (!access.ok) return rejected(e, access.reason);
  const request = access.request;
  const [file] = await tx.query<{ type: string; size: number }>(
    'SELECT type, size FROM files WHERE sha256 = $1',
    [e.photo.sha256],
  );
  if (!file) return rejected(e, 'unknown_photo', ['photo']);
  if (file.type !== e.photo.type || file.size !== e.photo.size) return rejected(e, 'invalid', ['photo']);
  const added = await tx.query(
    `INSERT INTO request_photos (request_id, sha256, type, size, event_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING sha256`,
    [request.id, e.photo.sha256, file.type, file.size, e.id],
  );
  if (added.length > 0)
    await appendEvent(tx, {
      requestId: request.id,
      kind: 'attachment',
      actor: { kind: 'staff', user: staff },
      at: clampDeviceTime(new Date(e.at), ctx.now),
      public: false,
      data: { sha256: e.photo.sha256 },
    });
  return { result: { id: e.id, outcome: 'accepted', receipt: receiptOf(request) }, requestId: request.id };
};
