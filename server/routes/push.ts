/**
 * Web push for the app: GET /api/push/key (the VAPID public key to subscribe
 * with), POST /api/push/subscriptions (register this device for a request it
 * holds the access token for) and DELETE /api/push/subscriptions (remove it).
 * A wrong token is a 404, like an unknown tracking number.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { z as zm } from 'zod/mini';
import { pushSubscribeSchema, pushUnsubscribeSchema } from '../../src/core/push';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { issueFields } from '../issues';
import { subscribe, unsubscribe } from '../notify/push-subscriptions';

async function readCore<S extends zm.ZodMiniType>(c: Context, schema: S): Promise<zm.output<S>> {
  const parsed = schema.safeParse(await readJson(c, z.unknown()));
  if (!parsed.success) throw httpError(400, 'invalid', { fields: issueFields(parsed.error) });
  return parsed.data;
}

const STATUS = { not_found: 404, stopped: 409, too_many: 409 } as const;

export function pushRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', bodyLimit({ maxSize: 8 * 1024 }));
  app.get('/key', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json({ publicKey: deps.notify.vapid.publicKey });
  });
  app.post('/subscriptions', async (c) => {
    const input = await readCore(c, pushSubscribeSchema);
    const protocol = new URL(input.subscription.endpoint).protocol;
    // Push services are HTTPS; plain HTTP only for a local test push service.
    if (protocol !== 'https:' && !(protocol === 'http:' && deps.notify.pushAllowPrivate))
      throw httpError(400, 'invalid', { fields: ['subscription.endpoint'] });
    const result = await subscribe(deps.db, input);
    if (result === 'created' || result === 'updated')
      return c.json({ subscribed: true }, result === 'created' ? 201 : 200);
    throw httpError(STATUS[result], result);
  });
  app.delete('/subscriptions', async (c) => {
    const input = await readCore(c, pushUnsubscribeSchema);
    const removed = await unsubscribe(deps.db, input);
    if (removed === 'not_found') throw httpError(404, 'not_found');
    return c.json({ removed });
  });
  return app;
}
