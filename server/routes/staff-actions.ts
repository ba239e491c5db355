/**
 * Staff changing one request: acknowledge (optionally with a new expected
 * date), assign, change status with a public message, reopen, add a note,
 * mark as duplicate. Each is one transaction that also writes the event row
 * with the minutes spent; role and lifecycle checks live in requests/actions.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { localDate } from '../../src/core/service-level';
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
  reopen,
  type ActionResult,
} from '../requests/actions';
import { staffView } from '../requests/detail';
import { actionSchemas } from './staff-action-schemas';
import { trackingParam } from './params';

export const STATUS_OF_ERROR = {
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  invalid: 422,
} as const;

export type Act = (tx: Queryable, staff: StaffUser, tracking: string, at: Date) => Promise<ActionResult>;
type Bodies = { [K in keyof typeof actionSchemas]: z.output<(typeof actionSchemas)[K]> };

/** A new expected date may not lie in the past of the jurisdiction's calendar. */
export async function checkDue(deps: ServerDeps, due: string | undefined): Promise<void> {
  if (due === undefined) return;
  const { calendar } = await getJurisdiction(deps.db);
  const t = Date.parse(`${due}T00:00:00Z`);
  // Date.parse may roll 2026-02-30 over into March: the round trip catches it.
  const real = Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === due;
  if (!real || due < localDate(deps.now(), calendar.time_zone))
    throw httpError(400, 'invalid', { fields: ['due'] });
}

/** The action a body asks for, ready to run on one request. */
export const actions = {
  acknowledge:
    (b: Bodies['acknowledge']): Act =>
    (tx, s, t, at) =>
      acknowledgeRequest(tx, s, t, { message: b.message, due: b.due, time: b.time, at }),
  assign:
    (b: Bodies['assign']): Act =>
    (tx, s, t, at) =>
      assign(tx, s, t, { userId: b.user_id, time: b.time, at }),
  status:
    (b: Bodies['status']): Act =>
    (tx, s, t, at) =>
      changeStatus(tx, s, t, { to: b.to, message: b.message, time: b.time, at }),
  reopen:
    (b: Bodies['reopen']): Act =>
    (tx, s, t, at) =>
      reopen(tx, s, t, { message: b.message, time: b.time, at }),
  notes:
    (b: Bodies['notes']): Act =>
    (tx, s, t, at) =>
      addNote(tx, s, t, { text: b.text, public: b.public, time: b.time, at }),
  duplicate:
    (b: Bodies['duplicate']): Act =>
    (tx, s, t, at) =>
      markDuplicate(tx, s, t, { of: b.of, message: b.message, time: b.time, at }),
};

export function staffActionRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(), bodyLimit({ maxSize: 64 * 1024 }));

  const run = async (c: Context<AppEnv>, act: Act) => {
    const staff = staffOf(c);
    const tracking = trackingParam(c.req.param('tracking'));
    const r = await deps.db.transaction((tx) => act(tx, staff, tracking, deps.now()));
    if (!r.ok) throw httpError(STATUS_OF_ERROR[r.error], r.error, r.detail ? { detail: r.detail } : {});
    return c.json(await staffView(deps.db, r.request, deps.now(), staff));
  };

  app.post('/:tracking/acknowledge', async (c) => {
    const b = await readJson(c, actionSchemas.acknowledge);
    await checkDue(deps, b.due);
    return run(c, actions.acknowledge(b));
  });
  app.post('/:tracking/assign', async (c) => run(c, actions.assign(await readJson(c, actionSchemas.assign))));
  app.post('/:tracking/status', async (c) => run(c, actions.status(await readJson(c, actionSchemas.status))));
  app.post('/:tracking/reopen', async (c) => run(c, actions.reopen(await readJson(c, actionSchemas.reopen))));
  app.post('/:tracking/notes', async (c) => run(c, actions.notes(await readJson(c, actionSchemas.notes))));
  app.post('/:tracking/duplicate', async (c) =>
    run(c, actions.duplicate(await readJson(c, actionSchemas.duplicate))),
  );
  return app;
}
