/**
 * Bulk actions from the queue: acknowledge, assign, or change the status of
 * (close, resolve …) up to 100 requests at once. Each request still gets its
 * own public message (the desk words it in the person's language) and its own
 * transaction, so one refusal (a transition the lifecycle forbids, a request
 * an officer may not touch) does not undo the others; the answer says how
 * each went. Minutes spent are shared out evenly over the requests.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { trackingSchema } from '../../src/core/events';
import { statusSchema } from '../../src/core/status';
import type { AppEnv, ServerDeps } from '../http/env';
import { readJson } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import { messageSchema, timeSchema } from './staff-action-schemas';
import { actions, type Act } from './staff-actions';

const items = z
  .array(z.strictObject({ tracking: trackingSchema, message: messageSchema }))
  .min(1)
  .max(100)
  .refine((list) => new Set(list.map((i) => i.tracking)).size === list.length, 'each request once');

const bulkSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), items, time: timeSchema }),
  z.strictObject({ action: z.literal('assign'), items, user_id: z.uuid().nullable(), time: timeSchema }),
  z.strictObject({ action: z.literal('status'), items, to: statusSchema, time: timeSchema }),
]);
type Bulk = z.output<typeof bulkSchema>;
type Item = Bulk['items'][number];

export type BulkResult = { tracking: string; ok: true } | { tracking: string; ok: false; error: string };

function actFor(b: Bulk, item: Item, time: Bulk['time']): Act {
  switch (b.action) {
    case 'acknowledge':
      return actions.acknowledge({ message: item.message, due: undefined, time });
    case 'assign':
      return actions.assign({ user_id: b.user_id, time });
    case 'status':
      return actions.status({ to: b.to, message: item.message, time });
  }
}

export function staffBulkRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', requireStaff(), bodyLimit({ maxSize: 512 * 1024 }), async (c) => {
    const staff = staffOf(c);
    const b = await readJson(c, bulkSchema);
    const time = b.time && {
      minutes: Math.round((b.time.minutes / b.items.length) * 100) / 100,
      source: b.time.source,
    };
    const results: BulkResult[] = [];
    for (const item of b.items) {
      const act = actFor(b, item, time);
      const r = await deps.db.transaction((tx) => act(tx, staff, item.tracking, deps.now()));
      results.push(
        r.ok ? { tracking: item.tracking, ok: true } : { tracking: item.tracking, ok: false, error: r.error },
      );
    }
    return c.json({ results, done: results.filter((r) => r.ok).length });
  });
  return app;
}
