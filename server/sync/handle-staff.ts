/**
 * Handlers for what a signed-in officer's or agent's device sends after
 * working offline: status changes, notes and field visits. They reuse the
 * staff actions, so the same role and lifecycle rules hold online and offline.
 */
import type { ReasonCode } from '../../src/core/events';
import { canWorkOn, type StaffUser } from '../auth/roles';
import { addNote, changeStatus, markDuplicate, type ActionResult } from '../requests/actions';
import { clampDeviceTime } from '../requests/create';
import { appendEvent } from '../requests/history';
import { findRequest, receiptOf } from '../requests/read';
import type { LogVisitEvent, NoteEvent, StatusChangeEvent } from './event-types';
import { rejected, type Applied, type Handler, type SyncContext } from './types';

const REASONS: Record<Exclude<ActionResult, { ok: true }>['error'], ReasonCode> = {
  not_found: 'unknown_request',
  forbidden: 'forbidden',
  invalid_transition: 'invalid_transition',
  invalid: 'invalid',
};

function staffOf(ctx: SyncContext): StaffUser {
  // mayApply() let the event through only with a staff member.
  if (!ctx.staff) throw new Error('staff event without staff');
  return ctx.staff;
}

function toApplied(id: string, r: ActionResult): Applied {
  if (!r.ok) return { result: { id, outcome: 'rejected', reason: REASONS[r.error] }, requestId: null };
  return { result: { id, outcome: 'accepted', receipt: receiptOf(r.request) }, requestId: r.request.id };
}

export const handleStatusChange: Handler<StatusChangeEvent> = async (tx, ctx, e) => {
  const at = clampDeviceTime(new Date(e.at), ctx.now);
  const staff = staffOf(ctx);
  if (e.to === 'duplicate') {
    if (!e.duplicate_of) return rejected(e, 'invalid', ['duplicate_of']);
    return toApplied(
      e.id,
      await markDuplicate(tx, staff, e.tracking, { of: e.duplicate_of, message: e.message, at }),
    );
  }
  if (e.duplicate_of) return rejected(e, 'invalid', ['duplicate_of']);
  return toApplied(e.id, await changeStatus(tx, staff, e.tracking, { to: e.to, message: e.message, at }));
};

export const handleNote: Handler<NoteEvent> = async (tx, ctx, e) => {
  const at = clampDeviceTime(new Date(e.at), ctx.now);
  return toApplied(e.id, await addNote(tx, staffOf(ctx), e.tracking, { text: e.text, public: e.public, at }));
};

export const handleVisit: Handler<LogVisitEvent> = async (tx, ctx, e) => {
  const staff = staffOf(ctx);
  const v = e.visit;
  const request = v.tracking ? await findRequest(tx, v.tracking) : undefined;
  if (v.tracking && (!request || !canWorkOn(staff, request)))
    return rejected(e, 'unknown_request', ['visit.tracking']);
  const visitedAt = clampDeviceTime(new Date(v.visited_at), ctx.now);
  await tx.query(
    `INSERT INTO visits (id, officer_id, request_id, visited_at, place, notes, outcome, minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.id, staff.id, request?.id ?? null, visitedAt, v.place, v.notes, v.outcome, v.minutes ?? null],
  );
  if (!request) return { result: { id: e.id, outcome: 'accepted' }, requestId: null };
  await appendEvent(tx, {
    requestId: request.id,
    kind: 'visit',
    actor: { kind: 'staff', user: staff },
    at: visitedAt,
    public: false,
    message: v.notes || null,
    data: { visit_id: e.id, place: v.place, outcome: v.outcome, minutes: v.minutes ?? null },
  });
  return { result: { id: e.id, outcome: 'accepted', receipt: receiptOf(request) }, requestId: request.id };
};
