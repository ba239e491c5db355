/**
 * The record of who was shown a request's contact details, and when: one row
 * per request each time the staff desk's request view (or the view an action
 * answers with) or an officer's day of work carried them. Read back, newest
 * first, by admins only (GET /api/staff/access-log).
 */
import type { Queryable } from '../db/types';

export type ContactVia = 'detail' | 'officer_work';

/** Whether any contact detail is held (after removal all three are empty). */
export function hasContact(c: {
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}): boolean {
  return Boolean(c.contact_name || c.contact_phone || c.contact_email);
}

export async function recordContactViews(
  db: Queryable,
  view: { userId: string; requestIds: readonly string[]; at: Date; via: ContactVia },
): Promise<void> {
  if (view.requestIds.length === 0) return;
  await db.query(
    `INSERT INTO contact_views (user_id, request_id, at, via)
     SELECT $1, unnest($2::uuid[]), $3, $4`,
    [view.userId, view.requestIds, view.at, view.via],
  );
}

export interface ContactViewEntry {
  at: string;
  via: ContactVia;
  tracking: string;
  viewer: { id: string; name: string | null; email: string; role: string };
}

interface Row {
  at: Date;
  via: ContactVia;
  tracking: string;
  user_id: string;
  name: string | null;
  email: string;
  role: string;
}

export async function listContactViews(
  db: Queryable,
  page: number,
  perPage: number,
): Promise<{ items: ContactViewEntry[]; total: number }> {
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_views');
  const rows = await db.query<Row>(
    `SELECT v.at, v.via, r.tracking, u.id AS user_id, u.name, u.email, u.role
     FROM contact_views v JOIN requests r ON r.id = v.request_id JOIN users u ON u.id = v.user_id
     ORDER BY v.at DESC, v.id DESC LIMIT $1 OFFSET $2`,
    [perPage, (page - 1) * perPage],
  );
  return {
    items: rows.map((r) => ({
      at: r.at.toISOString(),
      via: r.via,
      tracking: r.tracking,
      viewer: { id: r.user_id, name: r.name, email: r.email, role: r.role },
    })),
    total: count?.n ?? 0,
  };
}
