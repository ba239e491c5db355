/**
 * The app's sync API: POST /api/sync applies a batch of outbox events and
 * answers one result per event (sync/parse.ts says which input is refused whole); GET (or POST) /api/sync/changes returns what
 * changed on the requests whose tokens the device holds.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { accessTokenSchema } from '../../src/core/events';
import { MAX_TOKENS_PER_CALL, TOKENS_HEADER } from '../../src/core/sync-changes';
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
    const applied = await applyBatch(deps, c.get('staff'), events, c.get('kiosk'));
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
