/**
 * GET /api/staff/notifications (admins): the message queue as admins need to
 * see it — each row's channel, state, attempts and last error with the
 * request's tracking number, newest first, and how many rows are in each
 * state. Never the address a message went to.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerDeps } from '../http/env';
import { readQuery } from '../http/input';
import { requireStaff } from '../http/session';

export const NOTIFICATION_STATES = [
  'pending',
  'sending',
  'delivered',
  'retry',
  'failed',
  'cancelled',
] as const;

const query = z.strictObject({
  state: z.enum(NOTIFICATION_STATES).optional(),
  channel: z.enum(['email', 'sms', 'push']).optional(),
  tracking: z.string().max(20).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
});

interface Row {
  id: number;
  tracking: string;
  channel: string;
  kind: string;
  language: string;
  state: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
}

export function adminNotificationRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // 'users' is the admin's permission: the queue holds every person's request numbers.
  app.get('/', requireStaff('users'), async (c) => {
    const q = readQuery(c, query);
    const where = `($1::text IS NULL OR n.state = $1) AND ($2::text IS NULL OR n.channel = $2)
      AND ($3::text IS NULL OR r.tracking = upper($3))`;
    const params = [q.state ?? null, q.channel ?? null, q.tracking ?? null];
    const rows = await deps.db.query<Row>(
      `SELECT n.id, r.tracking, n.channel, n.kind, n.language, n.state, n.attempts, n.last_error,
         n.created_at, n.next_attempt_at, n.sent_at
       FROM notifications n JOIN requests r ON r.id = n.request_id
       WHERE ${where} ORDER BY n.id DESC LIMIT $4 OFFSET $5`,
      [...params, q.per_page, (q.page - 1) * q.per_page],
    );
    const counts = await deps.db.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM notifications GROUP BY state',
    );
    c.header('Cache-Control', 'no-store');
    return c.json({
      counts: Object.fromEntries(
        NOTIFICATION_STATES.map((s) => [s, counts.find((x) => x.state === s)?.n ?? 0]),
      ),
      page: q.page,
      per_page: q.per_page,
      notifications: rows.map((r) => ({
        ...r,
        created_at: r.created_at.toISOString(),
        next_attempt_at: r.next_attempt_at.toISOString(),
        sent_at: r.sent_at?.toISOString() ?? null,
      })),
    });
  });
  return app;
}
