/**
 * GET /api/requests/{tracking}: what the person who holds an access code (the
 * device's long token or the short code on the receipt) may see — service,
 * status, due date and the public history. Never internal notes, never
 * contact details. A wrong code answers exactly like an unknown tracking
 * number (404), so numbers cannot be probed; and failed look-ups are limited
 * per client, which is what makes an 8-character code safe.
 */
import { Hono } from 'hono';
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
import { readQuery } from '../http/input';
import { publicHistories } from '../requests/history';
import { findRequestWithCode } from '../requests/read';

const query = z.strictObject({ token: z.string().max(100).optional(), lang: z.optional(langSchema) });

/**
 * 10 failed look-ups per client address in 15 minutes: room for a person who
 * mistypes a few times, while guessing one short code (31^7 possibilities)
 * would take a single client hundreds of thousands of years.
 */
export const LOOKUP_LIMIT: FailureLimit = { max: 10, windowMinutes: 15 };

export function requestRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:tracking', async (c) => {
    const q = readQuery(c, query);
    const now = deps.now();
    const key = `lookup|${clientIp(c, deps.trustProxy)}`;
    const wait = await retryAfter(deps.db, key, now, LOOKUP_LIMIT);
    if (wait > 0)
      return c.json({ error: 'too_many_attempts', retry_after: wait }, 429, { 'Retry-After': String(wait) });
    const tracking = normalizeTracking(c.req.param('tracking'));
    const code = parseAccessCode(c.req.header('X-Access-Token') ?? q.token ?? '');
    const r = tracking && code ? await findRequestWithCode(deps.db, deps.secret, tracking, code) : undefined;
    if (!r) {
      await recordFailure(deps.db, key, now);
      throw httpError(404, 'not_found');
    }
    const service = await getAnyService(deps.db, r.service_code);
    const lang = q.lang ?? (isLang(r.language) ? r.language : 'en');
    const history = (await publicHistories(deps.db, [r.id])).get(r.id) ?? [];
    c.header('Cache-Control', 'no-store');
    return c.json({
      tracking: r.tracking,
      service_code: r.service_code,
      service_name: service ? localizeService(service, lang).service_name : r.service_code,
      status: r.status,
      due: r.due,
      submitted_at: r.submitted_at.toISOString(),
      updated_at: r.updated_at.toISOString(),
      history,
    });
  });
  return app;
}
