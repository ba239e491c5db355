/**
 * Staff sign-in state on each request: the session cookie, if valid, sets
 * `staff`; `requireStaff` refuses anonymous callers (401) and callers without
 * the permission (403).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { can, type Permission, type StaffUser } from '../auth/roles';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv, ServerDeps } from './env';
import { httpError } from './errors';

export const loadSession =
  (deps: ServerDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    c.set('staff', id ? ((await findSessionUser(deps.db, id, deps.now())) ?? null) : null);
    await next();
  };

export const requireStaff =
  (permission?: Permission): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const staff = c.get('staff');
    if (!staff) throw httpError(401, 'not_signed_in');
    if (permission && !can(staff, permission)) throw httpError(403, 'forbidden');
    await next();
  };

/** The signed-in staff member in a route behind requireStaff. */
export function staffOf(c: { get(key: 'staff'): StaffUser | null }): StaffUser {
  const staff = c.get('staff');
  if (!staff) throw httpError(401, 'not_signed_in');
  return staff;
}
