/**
 * What staff do to a request: acknowledge (optionally with a new expected
 * date), assign, change status with a public message, reopen, add a note, mark
 * as duplicate. Each records the minutes the staff member spent, when known. Shared by the staff routes and by
 * officers' sync events. Each runs in the caller's transaction, locks the
 * request row, checks role and lifecycle, updates, and appends an event.
 */
import { canTransition } from '../../src/core/lifecycle';
import type { Status } from '../../src/core/status';
import { can, type Permission, type StaffUser } from '../auth/roles';
import { inScope } from '../auth/scope';
import type { Queryable } from '../db/types';
import { appendEvent, type StaffTime } from './history';
import { findRequest, findRequestById } from './read';
import type { RequestRow } from './types';

export type ActionError = 'not_found' | 'forbidden' | 'invalid_transition' | 'invalid';
export type ActionResult =
  { ok: true; request: RequestRow } | { ok: false; error: ActionError; detail?: string };

const fail = (error: ActionError, detail?: string): ActionResult =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };

/** Locks the request and checks the staff member may act on it. */
async function load(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  permission: Permission,
): Promise<RequestRow | ActionError> {
  const r = await findRequest(tx, tracking, { forUpdate: true });
  // Out of scope (another's assignment, another group's service) looks like unknown.
  if (!r || !(await inScope(tx, staff, r))) return 'not_found';
  return can(staff, permission) ? r : 'forbidden';
}

async function reload(tx: Queryable, id: string): Promise<ActionResult> {
  const r = await findRequestById(tx, id);
  return r ? { ok: true, request: r } : fail('not_found');
}

/** Moves the status, stamping the lifecycle times the statistics need. */
async function setStatus(tx: Queryable, r: RequestRow, to: Status, at: Date, duplicateOf: string | null) {
  await tx.query(
    `UPDATE requests SET status = $2, updated_at = $3,
       acknowledged_at = CASE WHEN $2 = 'acknowledged' THEN coalesce(acknowledged_at, $3) ELSE acknowledged_at END,
       resolved_at = CASE WHEN $2 = 'resolved' THEN $3 WHEN $2 = 'in_progress' THEN NULL ELSE resolved_at END,
       closed_at = CASE WHEN $2 = 'closed' THEN $3 ELSE closed_at END,
       duplicate_of = $4
     WHERE id = $1`,
    [r.id, to, at, duplicateOf],
  );
}

export interface StatusChange {
  readonly to: Status;
  readonly message?: string | undefined;
  readonly at: Date;
  readonly time?: StaffTime | undefined;
  /** Acknowledging only: the date the person may now expect action by. */
  readonly due?: string | undefined;
}

export async function changeStatus(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  change: StatusChange,
): Promise<ActionResult> {
  if (change.to === 'duplicate') return fail('invalid', 'use duplicate_of');
  const isAck = change.to === 'acknowledged';
  const r = await load(tx, staff, tracking, isAck ? 'triage' : 'update');
  if (typeof r === 'string') return fail(r);
  if (!canTransition(r.status, change.to)) return fail('invalid_transition', `${r.status} -> ${change.to}`);
  await setStatus(tx, r, change.to, change.at, null);
  const newDue = isAck && change.due !== undefined && change.due !== r.due ? change.due : undefined;
  if (newDue !== undefined) await tx.query('UPDATE requests SET due = $2 WHERE id = $1', [r.id, newDue]);
  await appendEvent(tx, {
    requestId: r.id,
    kind: isAck ? 'acknowledged' : 'status_changed',
    actor: { kind: 'staff', user: staff },
    at: change.at,
    public: true,
    statusFrom: r.status,
    statusTo: change.to,
    message: change.message?.trim() || null,
    data: newDue !== undefined ? { due_from: r.due, due: newDue } : null,
    time: change.time,
  });
  return reload(tx, r.id);
}

export function acknowledgeRequest(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  change: Omit<StatusChange, 'to'>,
): Promise<ActionResult> {
  return changeStatus(tx, staff, tracking, { to: 'acknowledged', ...change });
}

/** Where reopening leads: resolved work goes back in progress; a rejection or duplicate is reinstated. */
const REOPEN_TO: Partial<Record<Status, Status>> = {
  resolved: 'in_progress',
  rejected: 'acknowledged',
  duplicate: 'acknowledged',
};

export async function reopen(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  change: Omit<StatusChange, 'to' | 'due'>,
): Promise<ActionResult> {
  const r = await findRequest(tx, tracking);
  if (!r || !(await inScope(tx, staff, r))) return fail('not_found');
  const to = REOPEN_TO[r.status];
  if (!to) return fail('invalid_transition', `${r.status} cannot be reopened`);
  return changeStatus(tx, staff, tracking, { ...change, to });
}

export async function markDuplicate(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  change: { of: string; message?: string | undefined; at: Date; time?: StaffTime | undefined },
): Promise<ActionResult> {
  const r = await load(tx, staff, tracking, 'triage');
  if (typeof r === 'string') return fail(r);
  const original = await findRequest(tx, change.of);
  if (!original || !(await inScope(tx, staff, original))) return fail('not_found', 'duplicate_of');
  if (original.id === r.id) return fail('invalid', 'a request cannot duplicate itself');
  if (!canTransition(r.status, 'duplicate')) return fail('invalid_transition', `${r.status} -> duplicate`);
  await setStatus(tx, r, 'duplicate', change.at, original.id);
  await appendEvent(tx, {
    requestId: r.id,
    kind: 'duplicate',
    actor: { kind: 'staff', user: staff },
    at: change.at,
    public: true,
    statusFrom: r.status,
    statusTo: 'duplicate',
    message: change.message?.trim() || null,
    data: { duplicate_of: original.tracking },
    time: change.time,
  });
  return reload(tx, r.id);
}

export async function assign(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  change: { userId: string | null; at: Date; time?: StaffTime | undefined },
): Promise<ActionResult> {
  const r = await load(tx, staff, tracking, 'triage');
  if (typeof r === 'string') return fail(r);
  if (change.userId !== null) {
    const [u] = await tx.query<{ id: string }>('SELECT id FROM users WHERE id = $1 AND NOT disabled', [
      change.userId,
    ]);
    if (!u) return fail('invalid', 'unknown user');
  }
  await tx.query('UPDATE requests SET assigned_to = $2, updated_at = $3 WHERE id = $1', [
    r.id,
    change.userId,
    change.at,
  ]);
  await appendEvent(tx, {
    requestId: r.id,
    kind: 'assigned',
    actor: { kind: 'staff', user: staff },
    at: change.at,
    public: false,
    data: { from: r.assigned_to, to: change.userId },
    time: change.time,
  });
  return reload(tx, r.id);
}

export async function addNote(
  tx: Queryable,
  staff: StaffUser,
  tracking: string,
  note: { text: string; public: boolean; at: Date; time?: StaffTime | undefined },
): Promise<ActionResult> {
  const r = await load(tx, staff, tracking, 'update');
  if (typeof r === 'string') return fail(r);
  await tx.query('UPDATE requests SET updated_at = $2 WHERE id = $1', [r.id, note.at]);
  await appendEvent(tx, {
    requestId: r.id,
    kind: 'note',
    actor: { kind: 'staff', user: staff },
    at: note.at,
    public: note.public,
    message: note.text.trim(),
    time: note.time,
  });
  return reload(tx, r.id);
}
