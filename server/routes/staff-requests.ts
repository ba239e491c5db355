/**
 * Staff reading requests: GET /api/staff/requests (filtered, sorted, paged
 * work list), GET /api/staff/requests/counts (the queue's tab counts) and GET
 * /api/staff/requests/{tracking} (everything, with contact details and
 * internal notes, the contact details' view recorded). Each answers only
 * within the staff member's scope (auth/scope): officers their assignments,
 * agents and managers their groups.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { LANGUAGE_CODES } from '../../src/core/lang';
import { addWorkingDays, localDate } from '../../src/core/service-level';
import { channelSchema, statusSchema } from '../../src/core/status';
import { inScope, scopeOf, type Scope } from '../auth/scope';
import { getJurisdiction } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readQuery } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import { staffView } from '../requests/detail';
import { countTabs, listRequests, SORTS, type BaseFilter } from '../requests/list';
import { findRequest } from '../requests/read';
import { trackingParam } from './params';

/** "Due soon": due today or within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;

const code = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const narrowing = {
  service: code.optional(),
  group: code.optional(),
  channel: z.optional(channelSchema),
  language: z.enum(LANGUAGE_CODES).optional(),
  /** Any part of a tracking number, in any case, with or without dashes and spaces. */
  q: z
    .string()
    .max(20)
    .transform((s) => s.toUpperCase().replace(/[^A-Z0-9-]/g, ''))
    .optional(),
};
const listQuery = z.strictObject({
  ...narrowing,
  status: z
    .string()
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(statusSchema).max(10))
    .optional(),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  due_soon: z.enum(['true']).optional(),
  assigned: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  sort: z.enum(SORTS).default('due'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});
const countsQuery = z.strictObject(narrowing);

type Narrowing = z.output<typeof countsQuery>;

function baseFilter(scope: Scope, q: Narrowing): BaseFilter {
  return {
    ...(q.service ? { service: q.service } : {}),
    ...(q.group ? { group: q.group } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.language ? { language: q.language } : {}),
    ...(q.q ? { tracking: q.q } : {}),
    // Whatever they ask for, the list stays within their scope.
    ...(scope.assignedTo !== undefined ? { onlyAssignedTo: scope.assignedTo } : {}),
    ...(scope.groups !== undefined ? { onlyGroups: scope.groups } : {}),
  };
}

async function days(deps: ServerDeps): Promise<{ today: string; dueBy: string }> {
  const { calendar } = await getJurisdiction(deps.db);
  const today = localDate(deps.now(), calendar.time_zone);
  return { today, dueBy: addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar) };
}

export function staffRequestRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff());
  app.get('/', async (c) => {
    const staff = staffOf(c);
    const q = readQuery(c, listQuery);
    const { today, dueBy } = await days(deps);
    const assigned = q.assigned === 'me' ? staff.id : q.assigned === 'none' ? null : q.assigned;
    const { items, total } = await listRequests(
      deps.db,
      {
        ...baseFilter(await scopeOf(deps.db, staff), q),
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.open ? { open: q.open === 'true' } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
        ...(q.due_soon ? { dueBy } : {}),
        ...(assigned !== undefined ? { assignedTo: assigned } : {}),
        sort: q.sort,
        page: q.page,
        perPage: q.per_page,
      },
      today,
    );
    return noStore(c).json({
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
  app.get('/counts', async (c) => {
    const staff = staffOf(c);
    const q = readQuery(c, countsQuery);
    const { today, dueBy } = await days(deps);
    return noStore(c).json(
      await countTabs(deps.db, baseFilter(await scopeOf(deps.db, staff), q), staff.id, today, dueBy),
    );
  });
  app.get('/:tracking', async (c) => {
    const staff = staffOf(c);
    const r = await findRequest(deps.db, trackingParam(c.req.param('tracking')));
    if (!r || !(await inScope(deps.db, staff, r))) throw httpError(404, 'not_found');
    return noStore(c).json(await staffView(deps.db, r, deps.now(), staff));
  });
  return app;
}

function noStore(c: Context<AppEnv>): Context<AppEnv> {
  c.header('Cache-Control', 'no-store');
  return c;
}
