/**
 * GET /api/staff/dashboard — the managers' figures (managers and admins).
 * A manager with groups (user_groups) sees only those groups' figures.
 */
import { Hono } from 'hono';
import { groupsOf } from '../auth/groups';
import type { AppEnv, ServerDeps } from '../http/env';
import { readQuery } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import { buildDashboard } from '../metrics/dashboard';
import { dashboardQuerySchema } from '../metrics/period';

export function staffDashboardRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireStaff('stats'), async (c) => {
    const q = readQuery(c, dashboardQuerySchema);
    const staff = staffOf(c);
    const groups = staff.role === 'admin' ? undefined : await groupsOf(deps.db, staff.id);
    c.header('Cache-Control', 'no-store');
    return c.json(await buildDashboard(deps.db, deps.now(), q, groups));
  });
  return app;
}
