/**
 * GET /api/requests/{tracking}: what the person who holds an access code (the
 * device's long token or the short code on the receipt) may see — service,
 * status, due date and the public history. Never internal notes, never
 * contact details. A wrong code answers exactly like an unknown tracking
 * number (404), so numbers cannot be probed; and failed look-ups are limited
 * per client, which is what makes an 8-character code safe.
 *
 * POST /api/requests/{tracking}/forget-contact: the same person, with the same
 * code and the same checks, removes their contact details at once; the answer
 * is the request as GET shows it.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parseAccessCode } from '../../src/core/access-code';
import { localizeService } from '../../src/core/catalog';
import { isLang, langSchema } from '../../src/core/lang';
import { normalizeTracking } from '../../src/core/tracking';
import { recordFailure, retryAfter, type FailureLimit } from '../auth/rate-limit';
import { getAnyService } from '../catalog/store';
import { clientIp } from '../http/client';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson, readQuery } from '../http/input';
import { publicHistories } from '../requests/history';
import { findRequestWithCode } from '../requests/read';
import { removeContact } from '../requests/remove-contact';
import type { RequestRow } from '../requests/types';
import type { Lang } from '../../src/core/lang';

const query = z.strictObject({ token: z.string().max(100).optional(), lang: z.optional(langSchema) });
const forgetBody = z.strictObject({ token: z.string().max(100).optional() });

/**
 * 10 failed look-ups per client address in 15 minutes: room for a person who
 * mistypes a few times, while guessing one short code (31^7 possibilities)
 * would take a single client hundreds of thousands of years.
 */
export const LOOKUP_LIMIT: FailureLimit = { max: 10, windowMinutes: 15 };

/** The request for the tracking number and access code asked with, or the 404 an unknown number gets. */
async function withCode(
  deps: ServerDeps,
  c: Context<AppEnv>,
  token: string | undefined,
): Promise<RequestRow | Response> {
  const now = deps.now();
  const key = `lookup|${clientIp(c, deps.trustProxy)}`;
  const wait = await retryAfter(deps.db, key, now, LOOKUP_LIMIT);
  if (wait > 0)
    return c.json({ error: 'too_many_attempts', retry_after: wait }, 429, { 'Retry-After': String(wait) });
  const tracking = normalizeTracking(c.req.param('tracking') ?? '');
  const code = parseAccessCode(c.req.header('X-Access-Token') ?? token ?? '');
  const r = tracking && code ? await findRequestWithCode(deps.db, deps.secret, tracking, code) : undefined;
  if (!r) {
    await recordFailure(deps.db, key, now);
    throw httpError(404, 'not_found');
  }
  return r;
}

async function citizenView(deps: ServerDeps, r: RequestRow, asked: Lang | undefined) {
  const service = await getAnyService(deps.db, r.service_code);
  const lang = asked ?? (isLang(r.language) ? r.language : 'en');
  const history = (await publicHistories(deps.db, [r.id])).get(r.id) ?? [];
  return {
    tracking: r.tracking,
    service_code: r.service_code,
    service_name: service ? localizeService(service, lang).service_name : r.service_code,
    status: r.status,
    due: r.due,
    submitted_at: r.submitted_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    history,
  };
}

export function requestRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:tracking', async (c) => {
    const q = readQuery(c, query);
    const r = await withCode(deps, c, q.token);
    if (r instanceof Response) return r;
    c.header('Cache-Control', 'no-store');
    return c.json(await citizenView(deps, r, q.lang));
  });
  app.post('/:tracking/forget-contact', async (c) => {
    const b = await readJson(c, forgetBody);
    const r = await withCode(deps, c, b.token);
    if (r instanceof Response) return r;
    await deps.db.transaction((tx) => removeContact(tx, r.id, 'person', deps.now(), { kind: 'citizen' }));
    c.header('Cache-Control', 'no-store');
    return c.json(await citizenView(deps, r, undefined));
  });
  return app;
}
