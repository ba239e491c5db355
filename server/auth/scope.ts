/**
 * Which requests a staff member may see and act on — the one rule every
 * staff route asks (list, counts, detail, actions, bulk, staff sync events):
 * - admins: every request;
 * - officers: the requests assigned to them;
 * - agents and managers: the requests whose service is in their groups
 *   (user_groups); with no group listed, every group.
 * Out of scope looks exactly like unknown (404, 'not_found').
 */
import type { Queryable } from '../db/types';
import { groupsOf } from './groups';
import { can, type StaffUser } from './roles';

export interface Scope {
  /** Only requests assigned to this user (officers). */
  readonly assignedTo?: string;
  /** Only requests whose service belongs to one of these groups. */
  readonly groups?: readonly string[];
}

export async function scopeOf(db: Queryable, staff: StaffUser): Promise<Scope> {
  if (staff.role === 'admin') return {};
  if (!can(staff, 'read_all')) return { assignedTo: staff.id };
  const groups = await groupsOf(db, staff.id);
  return groups ? { groups } : {};
}

/** Whether one request lies within the staff member's scope. */
export async function inScope(
  db: Queryable,
  staff: StaffUser,
  request: { assigned_to: string | null; service_code: string },
): Promise<boolean> {
  const scope = await scopeOf(db, staff);
  if (scope.assignedTo !== undefined && request.assigned_to !== scope.assignedTo) return false;
  if (scope.groups === undefined) return true;
  const [service] = await db.query<{ group_code: string }>(
    'SELECT group_code FROM services WHERE service_code = $1',
    [request.service_code],
  );
  return service !== undefined && scope.groups.includes(service.group_code);
}
