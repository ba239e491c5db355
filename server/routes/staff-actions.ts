/**
 * Staff changing requests: acknowledge, assign, change status with a public
 * message, add a note, mark as duplicate. Each is one transaction that also
 * writes the event row; role and lifecycle checks live in requests/actions.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { trackingSchema } from '../../src/core/events';
import { statusSchema } from '../../src/core/status';
import { isOverdue } from '../../src/core/service-level';
import { getJurisdiction } from '../catalog/store';
import type { StaffUser } from '../auth/roles';
import type { Queryable } from '../db/types';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import {
  acknowledgeRequest,
  addNote,
  assign,
  changeStatus,
  markDuplicate,
  type ActionResult,
} from '../requests/actions';
import { staffView } from '../requests/detail';
import { FINISHED } from '../requests/list';
import { trackingParam } from './params';

const message = z.string().trim().max(4000).optional();
const schemas = {
  acknowledge: z.strictObject({ message }),
  assign: z.strictObject({ user_id: z.uuid().nullable() }),
  status: z.strictObject({ to: statusSchema, message }),
  notes: z.strictObject({ text: z.string().trim().min(1).max(4000), public: z.boolean().default(false) }),
  duplicate: z.strictObject({ of: trackingSchema, message }),
};

const STATUS_OF_ERROR = { not_found: 404, forbidden: 403, invalid_transition: 409, invalid: 422 } as const;

type Act = (tx: Queryable, staff: StaffUser, tracking: string, at: Date) => Promise<ActionResult>;

export function staffActionRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(), bodyLimit({ maxSize: 64 * 1024 }));

  const run = async (c: Context<AppEnv>, act: Act) => {
    const staff = staffOf(c);
    const tracking = trackingParam(c.req.param('tracking'));
    const r = await deps.db.transaction((tx) => act(tx, staff, tracking, deps.now()));
    if (!r.ok) throw httpError(STATUS_OF_ERROR[r.error], r.error, r.detail ? { detail: r.detail } : {});
    const jurisdiction = await getJurisdiction(deps.db);
    const overdue =
      !FINISHED.includes(r.request.status) && isOverdue(r.request.due, deps.now(), jurisdiction.calendar);
    return c.json(await staffView(deps.db, r.request, overdue));
  };

  app.post('/:tracking/acknowledge', async (c) => {
    const b = await readJson(c, schemas.acknowledge);
    return run(c, (tx, s, t, at) => acknowledgeRequest(tx, s, t, { message: b.message, at }));
  });
  app.post('/:tracking/assign', async (c) => {
    const b = await readJson(c, schemas.assign);
    return run(c, (tx, s, t, at) => assign(tx, s, t, { userId: b.user_id, at }));
  });
  app.post('/:tracking/status', async (c) => {
    const b = await readJson(c, schemas.status);
    return run(c, (tx, s, t, at) => changeStatus(tx, s, t, { to: b.to, message: b.message, at }));
  });
  app.post('/:tracking/notes', async (c) => {
    const b = await readJson(c, schemas.notes);
    return run(c, (tx, s, t, at) => addNote(tx, s, t, { text: b.text, public: b.public, at }));
  });
  app.post('/:tracking/duplicate', async (c) => {
    const b = await readJson(c, schemas.duplicate);
    return run(c, (tx, s, t, at) => markDuplicate(tx, s, t, { of: b.of, message: b.message, at }));
  });
  return app;
}
