/**
 * Who is signed in at the desk, for this tab: asked of the server once
 * (GET /api/auth/me), then kept until sign-out. The session itself is the
 * server's HttpOnly cookie; the desk stores nothing on the device.
 */
import { createSignal } from 'solid-js';
import { whoAmI, signOut as callSignOut } from '../../sync/staff/api';
import type { Role, StaffUser } from '../../sync/staff/schemas';

/** undefined: not asked yet; null: nobody signed in. */
const [user, setUser] = createSignal<StaffUser | null | undefined>(undefined);
export { user as staffUser };

export type SessionState = 'signed_in' | 'signed_out' | 'offline';

export async function checkSession(): Promise<SessionState> {
  if (user()) return 'signed_in';
  const r = await whoAmI();
  if (r.ok) {
    setUser(r.value.user);
    return 'signed_in';
  }
  if (r.problem === 'not_signed_in') {
    setUser(null);
    return 'signed_out';
  }
  return 'offline';
}

export function signedIn(u: StaffUser): void {
  setUser(u);
}

export async function signOut(): Promise<boolean> {
  const r = await callSignOut();
  if (r.ok) setUser(null);
  return r.ok;
}

/** What each role may do at the desk; the server checks every call again. */
export function mayTriage(u: StaffUser | null | undefined): boolean {
  return !!u && u.role !== 'officer';
}

export function mayKeepTemplates(u: StaffUser | null | undefined): boolean {
  return !!u && (u.role === 'manager' || u.role === 'admin');
}

/** The dashboard's figures: managers and admins (GET /api/staff/dashboard checks the same). */
export function mayReadFigures(u: StaffUser | null | undefined): boolean {
  return !!u && (u.role === 'manager' || u.role === 'admin');
}

export const ROLES: readonly Role[] = ['agent', 'officer', 'manager', 'admin'];
