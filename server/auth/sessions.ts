/**
 * Staff sessions: a random id in an HttpOnly, SameSite=Strict cookie (Secure
 * over HTTPS); the database keeps only its SHA-256, so a leaked table cannot
 * be replayed as cookies. Sessions last a working day (12 hours). An
 * officer's session slides: any call from their device while online renews
 * it to 12 hours from then, so a shift that began online never ends signed
 * out in a village; other roles keep the fixed day.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types';
import { sha256Hex } from '../requests/token';
import type { StaffUser } from './roles';

export const SESSION_COOKIE = 'civic_session';
export const SESSION_HOURS = 12;
const SESSION_MS = SESSION_HOURS * 3600 * 1000;
/** At most one renewal write per this interval, however busy the device. */
export const RENEW_EVERY_MS = 5 * 60 * 1000;

export interface SessionUser {
  readonly user: StaffUser;
  readonly expires: Date;
}

export async function createSession(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<{ id: string; expires: Date }> {
  const id = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_MS);
  await db.query('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    sha256Hex(id),
    userId,
    now,
    expires,
  ]);
  // Expired sessions go when anyone signs in: no background job needed.
  await db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
  return { id, expires };
}

export async function findSession(db: Queryable, id: string, now: Date): Promise<SessionUser | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
  const [row] = await db.query<StaffUser & { expires_at: Date }>(
    `SELECT u.id, u.email, u.name, u.role, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [sha256Hex(id), now],
  );
  if (!row) return undefined;
  const { expires_at, ...user } = row;
  return { user, expires: expires_at };
}

export async function findSessionUser(db: Queryable, id: string, now: Date): Promise<StaffUser | undefined> {
  return (await findSession(db, id, now))?.user;
}

/** Whether this session slides (officers) and is due for a renewal now. */
export function renewalDue(session: SessionUser, now: Date): boolean {
  return (
    session.user.role === 'officer' && session.expires.getTime() - now.getTime() < SESSION_MS - RENEW_EVERY_MS
  );
}

/** Moves an officer's session to end 12 hours from now; returns the new end. */
export async function renewSession(db: Queryable, id: string, now: Date): Promise<Date> {
  const expires = new Date(now.getTime() + SESSION_MS);
  await db.query('UPDATE sessions SET expires_at = $2 WHERE id_hash = $1 AND expires_at > $3', [
    sha256Hex(id),
    expires,
    now,
  ]);
  return expires;
}

export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256Hex(id)]);
}
