/**
 * Staff administration: the list of staff (for assigning work), creating
 * accounts (admin), and the manager's figures (GET /api/staff/stats).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { localDate } from '../../src/core/service-level';
import { can } from '../auth/roles';
import { createUser, listUsers, newUserSchema } from '../auth/users';
import { getJurisdiction } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import { FINISHED } from '../requests/list';

export function staffAdminRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/users', requireStaff(), async (c) => {
    const staff = staffOf(c);
    if (!can(staff, 'triage') && !can(staff, 'users')) throw httpError(403, 'forbidden');
    return c.json({ users: await listUsers(deps.db) });
  });
  app.post('/users', requireStaff('users'), bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const input = await readJson(c, newUserSchema);
    const user = await createUser(deps.db, input);
    if (!user) throw httpError(409, 'email_taken');
    return c.json({ user }, 201);
  });
  app.get('/stats', requireStaff('stats'), async (c) => {
    const jurisdiction = await getJurisdiction(deps.db);
    const today = localDate(deps.now(), jurisdiction.calendar.time_zone);
    const count = async (column: 'status' | 'channel') =>
      Object.fromEntries(
        (
          await deps.db.query<{ key: string; n: number }>(
            `SELECT ${column} AS key, count(*)::int AS n FROM requests GROUP BY ${column} ORDER BY ${column}`,
          )
        ).map((r) => [r.key, r.n]),
      );
    const [totals] = await deps.db.query<{
      total: number;
      overdue: number;
      rated: number;
      rating: number | null;
      ack_hours: number | null;
    }>(
      `SELECT count(*)::int AS total,
         (count(*) FILTER (WHERE due < $1::date AND NOT (status = ANY($2::text[]))))::int AS overdue,
         (count(rating))::int AS rated,
         avg(rating)::float8 AS rating,
         (avg(extract(epoch FROM acknowledged_at - submitted_at)) / 3600)::float8 AS ack_hours
       FROM requests`,
      [today, FINISHED],
    );
    c.header('Cache-Control', 'no-store');
    return c.json({
      by_status: await count('status'),
      by_channel: await count('channel'),
      total: totals?.total ?? 0,
      overdue: totals?.overdue ?? 0,
      satisfaction: { responses: totals?.rated ?? 0, average: totals?.rating ?? null },
      hours_to_acknowledge: totals?.ack_hours ?? null,
    });
  });
  return app;
}
