/**
 * Which events a caller may send at all. Citizens' devices send web requests,
 * feedback, photos and anonymous draft counts; kiosk requests need the credential of an enrolled kiosk
 * (whether it was revoked, and when, is the create handler's question: it has
 * the event's time); in-person, phone and counter requests, visits, status changes and notes need
 * a signed-in staff member with the right role. Per-request checks (an
 * officer's own assignments) happen in the handlers.
 */
import type { SyncEvent } from '../../src/core/events';
import { can } from '../auth/roles';
import type { SyncContext } from './types';

export function mayApply(event: SyncEvent, caller: Pick<SyncContext, 'staff' | 'kiosk'>): boolean {
  const { staff } = caller;
  switch (event.type) {
    case 'create_request':
      if (event.channel === 'api') return false; // Open311 clients use /open311/v2.
      if (event.channel === 'kiosk') return caller.kiosk !== null;
      if (event.channel === 'in_person') return staff !== null && can(staff, 'field');
      // Taken by staff for the person at the phone or the counter (the desk's intake).
      if (event.channel === 'phone' || event.channel === 'counter')
        return staff !== null && can(staff, 'triage');
      return true;
    case 'log_visit':
      return staff !== null && can(staff, 'field');
    case 'status_change':
    case 'note':
      return staff !== null && can(staff, 'update');
    case 'feedback':
    case 'attachment_added':
    case 'draft_report':
      return true;
  }
}
