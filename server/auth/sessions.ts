/**
 * Staff sessions: a random id in an HttpOnly, SameSite=Strict cookie (Secure
 * over HTTPS); the database keeps only its SHA-256, so a leaked table cannot
 * be replayed as cookies. Sessions last a working day.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types';
import { sha256Hex } from '../requests/token';
import type { StaffUser } from './roles';

export const SESSION_COOKIE = 'civic_session';
export const SESSION_HOURS = 12;

export async function createSession(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<{ id: string; expires: Date }> {
  const id = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000);
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

export async function findSessionUser(db: Queryable, id: string, now: Date): Promise<StaffUser | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
  const [row] = await db.query<StaffUser>(
    `SELECT u.id, u.email, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [sha256Hex(id), now],
  );
  return row;
}

export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256Hex(id)]);
}
