/**
 * Phone and counter intake: POST /api/staff/intake files a request for the
 * person on the phone or at the counter, recorded as taken by the signed-in
 * staff member (created_by and the 'created' event's actor), in the person's
 * language and with their consent for updates. Same path as every request
 * (requests/create.ts: validateRequest, tracking number, due date). The desk
 * makes the id once per form, so a second press of Send, or a retry after a
 * lost answer, returns the first request instead of filing another.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { getJurisdiction, getService } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import { createRequest } from '../requests/create';
import { findRequestById, receiptOf } from '../requests/read';
import { timeSchema } from './staff-action-schemas';

const intakeSchema = z.strictObject({
  id: z.uuid(),
  channel: z.enum(['phone', 'counter']),
  /** RequestFields; checked by validateRequest against the service. */
  request: z.looseObject({ service_code: z.string().max(64) }),
  time: timeSchema,
});

export function staffIntakeRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', requireStaff('triage'), bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const staff = staffOf(c);
    const b = await readJson(c, intakeSchema);
    const service = await getService(deps.db, b.request.service_code);
    const jurisdiction = await getJurisdiction(deps.db);
    const now = deps.now();
    const out = await deps.db.transaction(async (tx) => {
      // Two presses of Send at once: the second waits here, then finds the first's request.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [b.id]);
      const [existing] = await tx.query<{ id: string }>(
        'SELECT id FROM requests WHERE source_event_id = $1',
        [b.id],
      );
      if (existing) {
        const r = await findRequestById(tx, existing.id);
        return r ? ({ ok: true, receipt: receiptOf(r), replay: true } as const) : undefined;
      }
      const created = await createRequest(
        tx,
        {
          service,
          jurisdiction,
          secret: deps.secret,
          now,
          ...(deps.newTracking ? { newTracking: deps.newTracking } : {}),
        },
        {
          sourceEventId: b.id,
          channel: b.channel,
          fields: b.request,
          submittedAt: now,
          actor: { kind: 'staff', user: staff },
        },
      );
      if (!created.ok) return { ok: false, reason: created.reason, errors: created.errors } as const;
      if (b.time)
        await tx.query(
          `UPDATE request_events SET staff_minutes = $2, staff_time_source = $3 WHERE request_id = $1 AND kind = 'created'`,
          [created.request.id, b.time.minutes, b.time.source],
        );
      const { token: _token, ...receipt } = created.request.receipt;
      return { ok: true, receipt, replay: false } as const;
    });
    if (!out) throw httpError(409, 'event_id_reused');
    if (!out.ok)
      throw httpError(422, out.reason, { errors: out.errors, fields: out.errors.map((e) => e.field) });
    return c.json({ receipt: out.receipt }, out.replay ? 200 : 201);
  });
  return app;
}
