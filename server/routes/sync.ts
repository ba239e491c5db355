/**
 * The app's sync API: POST /api/sync applies a batch of outbox events and
 * answers one result per event (sync/parse.ts says which input is refused whole); GET (or POST) /api/sync/changes returns what
 * changed on the requests whose tokens the device holds. A batch with new
 * requests from a caller without a session is refused whole (429) once its
 * address has made too many (auth/submit-limit.ts); the app keeps it and
 * sends it again after Retry-After.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { accessTokenSchema } from '../../src/core/events';
import { MAX_TOKENS_PER_CALL, TOKENS_HEADER } from '../../src/core/sync-changes';
import { recordSubmissions, submitLimitOf, submitWait } from '../auth/submit-limit';
import { clientIp } from '../http/client';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson, readJsonValue, readQuery } from '../http/input';
import { applyBatch } from '../sync/apply';
import { changesSince, isCursor } from '../sync/changes';
import { parseBatch } from '../sync/parse';

export const MAX_SYNC_BODY = 1024 * 1024;

const cursorSchema = z.string().refine(isCursor, { error: 'not a cursor this server gave' });
const tokensSchema = z.array(accessTokenSchema).max(MAX_TOKENS_PER_CALL);
const changesQuery = z.strictObject({ since: cursorSchema.optional() });
const changesBody = z.strictObject({ since: cursorSchema.optional(), tokens: tokensSchema });

function tokensFromHeader(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const parsed = tokensSchema.safeParse(list);
  if (!parsed.success) throw httpError(400, 'invalid_tokens');
  return parsed.data;
}

export function syncRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', bodyLimit({ maxSize: MAX_SYNC_BODY }), async (c) => {
    const batch = parseBatch(await readJsonValue(c));
    if (!batch.ok) throw httpError(400, 'invalid', { fields: batch.fields });
    const events = batch.entries.flatMap((e) => ('event' in e ? [e.event] : []));
    // New requests from a caller without a session are limited per address (submit-limit.ts).
    const creates = new Set(events.filter((e) => e.type === 'create_request').map((e) => e.id));
    const limited = creates.size > 0 && !c.get('staff') && !c.get('kiosk');
    const ip = clientIp(c, deps.trustProxy);
    if (limited) {
      const wait = await submitWait(deps.db, ip, deps.now(), submitLimitOf(deps.submitLimit));
      if (wait > 0)
        return c.json({ error: 'too_many_requests', retry_after: wait }, 429, {
          'Retry-After': String(wait),
        });
    }
    const applied = await applyBatch(deps, c.get('staff'), events, c.get('kiosk'));
    if (limited) {
      const made = applied.filter((r) => r?.outcome === 'accepted' && creates.has(r.id)).length;
      await recordSubmissions(deps.db, ip, deps.now(), made, submitLimitOf(deps.submitLimit));
    }
    let next = 0;
    const results = batch.entries.flatMap((e) => {
      const r = 'event' in e ? applied[next++] : e.rejected;
      return r ? [r] : [];
    });
    return c.json({ results });
  });
  app.get('/changes', async (c) => {
    const { since } = readQuery(c, changesQuery);
    const tokens = tokensFromHeader(c.req.header(TOKENS_HEADER));
    c.header('Cache-Control', 'no-store');
    return c.json(await changesSince(deps.db, tokens, since));
  });
  app.post('/changes', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const { since, tokens } = await readJson(c, changesBody);
    c.header('Cache-Control', 'no-store');
    return c.json(await changesSince(deps.db, tokens, since));
  });
  return app;
}
