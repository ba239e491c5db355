/**
 * Staff sign-in state on each request: the session cookie, if valid, sets
 * `staff` (and `sessionExpires`); an officer's session is renewed on the way
 * (auth/sessions.ts says why). `requireStaff` refuses anonymous callers (401)
 * and callers without the permission (403).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { can, type Permission, type StaffUser } from '../auth/roles';
import { findSession, renewalDue, renewSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv, ServerDeps } from './env';
import { httpError } from './errors';
import { setSessionCookie } from './session-cookie';

export const loadSession =
  (deps: ServerDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const now = deps.now();
    const session = id ? await findSession(deps.db, id, now) : undefined;
    let expires = session?.expires ?? null;
    if (id && session && renewalDue(session, now)) {
      expires = await renewSession(deps.db, id, now);
      setSessionCookie(c, id, expires, deps.trustProxy);
    }
    c.set('staff', session?.user ?? null);
    c.set('sessionExpires', expires);
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
