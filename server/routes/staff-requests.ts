/**
 * Staff reading requests: GET /api/staff/requests (filtered, paged work list)
 * and GET /api/staff/requests/{tracking} (everything, with contact details and
 * internal notes). Officers see only what is assigned to them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { channelSchema, statusSchema } from '../../src/core/status';
import { isOverdue, localDate } from '../../src/core/service-level';
import { can, canWorkOn } from '../auth/roles';
import { getJurisdiction } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readQuery } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import { staffView } from '../requests/detail';
import { FINISHED, listRequests } from '../requests/list';
import { findRequest } from '../requests/read';
import { trackingParam } from './params';

const code = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const listQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(statusSchema).max(10))
    .optional(),
  service: code.optional(),
  group: code.optional(),
  channel: z.optional(channelSchema),
  overdue: z.enum(['true', 'false']).optional(),
  assigned: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});

export function staffRequestRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff());
  app.get('/', async (c) => {
    const staff = staffOf(c);
    const q = readQuery(c, listQuery);
    const jurisdiction = await getJurisdiction(deps.db);
    const wanted = q.assigned === 'me' ? staff.id : q.assigned === 'none' ? null : q.assigned;
    // Officers' lists are their own assignments, whatever they ask for.
    const assignedTo = can(staff, 'read_all') ? wanted : staff.id;
    const { items, total } = await listRequests(
      deps.db,
      {
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.service ? { service: q.service } : {}),
        ...(q.group ? { group: q.group } : {}),
        ...(q.channel ? { channel: q.channel } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
        ...(assignedTo !== undefined ? { assignedTo } : {}),
        page: q.page,
        perPage: q.per_page,
      },
      localDate(deps.now(), jurisdiction.calendar.time_zone),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({
      items: items.map((i) => ({
        ...i,
        submitted_at: i.submitted_at.toISOString(),
        updated_at: i.updated_at.toISOString(),
      })),
      total,
      page: q.page,
      per_page: q.per_page,
    });
  });
  app.get('/:tracking', async (c) => {
    const staff = staffOf(c);
    const r = await findRequest(deps.db, trackingParam(c.req.param('tracking')));
    if (!r || !canWorkOn(staff, r)) throw httpError(404, 'not_found');
    const jurisdiction = await getJurisdiction(deps.db);
    const overdue = !FINISHED.includes(r.status) && isOverdue(r.due, deps.now(), jurisdiction.calendar);
    c.header('Cache-Control', 'no-store');
    return c.json(await staffView(deps.db, r, overdue));
  });
  return app;
}
