/**
 * Which events a caller may send at all. Citizens' devices send requests (web,
 * kiosk), feedback and photos of their own requests; in-person requests,
 * visits, status changes, notes and photos added by tracking number need a
 * signed-in staff member with the right role. Per-request checks (an
 * officer's own assignments) happen in the handlers.
 *
 * The refusal says which: 'not_signed_in' (no session, or it expired while
 * the device was offline: signing in again cures it) or 'forbidden' (this
 * role may not). Neither is stored, so the same event passes later.
 */
import type { ReasonCode, SyncEvent } from '../../src/core/events';
import { can, type Permission, type StaffUser } from '../auth/roles';

function needs(event: SyncEvent): Permission | 'nobody' | undefined {
  switch (event.type) {
    case 'create_request':
      if (event.channel === 'api') return 'nobody'; // Open311 clients use /open311/v2.
      return event.channel === 'in_person' ? 'field' : undefined;
    case 'log_visit':
      return 'field';
    case 'status_change':
    case 'note':
    case 'photo_added':
      return 'update';
    case 'feedback':
    case 'attachment_added':
      return undefined;
  }
}

/** Why the caller may not send this event, or undefined when they may. */
export function refusal(event: SyncEvent, staff: StaffUser | null): ReasonCode | undefined {
  const permission = needs(event);
  if (permission === undefined) return undefined;
  if (permission === 'nobody') return 'forbidden';
  if (!staff) return 'not_signed_in';
  return can(staff, permission) ? undefined : 'forbidden';
}

export function mayApply(event: SyncEvent, staff: StaffUser | null): boolean {
  return refusal(event, staff) === undefined;
}
