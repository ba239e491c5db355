/**
 * Which events a caller may send at all. Citizens' devices send web requests,
 * feedback, photos and anonymous draft counts; kiosk requests need the
 * credential of an enrolled kiosk (whether it was revoked, and when, is the
 * create handler's question: it has the event's time); in-person, phone
 * and counter requests, visits, status changes, notes and photos added by tracking number need a
 * signed-in staff member with the right role. Per-request checks (an
 * officer's own assignments) happen in the handlers.
 *
 * The refusal says which: 'not_signed_in' (no session, or it expired while
 * the device was offline: signing in again cures it) or 'forbidden' (this
 * role or device may not). Neither is stored, so the same event passes later.
 */
import type { ReasonCode, SyncEvent } from '../../src/core/events';
import { can, type Permission } from '../auth/roles';
import type { SyncContext } from './types';

type Caller = Pick<SyncContext, 'staff' | 'kiosk'>;

function needs(event: SyncEvent, caller: Caller): Permission | 'nobody' | 'anyone' {
  switch (event.type) {
    case 'create_request':
      if (event.channel === 'api') return 'nobody'; // Open311 clients use /open311/v2.
      if (event.channel === 'kiosk') return caller.kiosk !== null ? 'anyone' : 'nobody';
      if (event.channel === 'in_person') return 'field';
      // Taken by staff for the person at the phone or the counter (the desk's intake).
      if (event.channel === 'phone' || event.channel === 'counter') return 'triage';
      return 'anyone';
    case 'log_visit':
      return 'field';
    case 'status_change':
    case 'note':
    case 'photo_added':
      return 'update';
    case 'feedback':
    case 'attachment_added':
    case 'draft_report':
      return 'anyone';
  }
}

/** Why the caller may not send this event, or undefined when they may. */
export function refusal(event: SyncEvent, caller: Caller): ReasonCode | undefined {
  const permission = needs(event, caller);
  if (permission === 'anyone') return undefined;
  if (permission === 'nobody') return 'forbidden';
  if (!caller.staff) return 'not_signed_in';
  return can(caller.staff, permission) ? undefined : 'forbidden';
}

export function mayApply(event: SyncEvent, caller: Caller): boolean {
  return refusal(event, caller) === undefined;
}
