/**
 * GET /api/staff/access-log (admins): who was shown which request's contact
 * details and when, newest first, a page at a time, with the viewer's name,
 * e-mail and role and the request's tracking number.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerDeps } from '../http/env';
import { readQuery } from '../http/input';
import { requireStaff } from '../http/session';
import { listContactViews } from '../requests/contact-log';

const query = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
});

export function staffAccessLogRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // 'users' is the admin's permission.
  app.get('/', requireStaff('users'), async (c) => {
    const q = readQuery(c, query);
    const { items, total } = await listContactViews(deps.db, q.page, q.per_page);
    c.header('Cache-Control', 'no-store');
    return c.json({ items, total, page: q.page, per_page: q.per_page });
  });
  return app;
}
