/**
 * GET /api/requests/{tracking}: what the person who holds the access token may
 * see — service, status, due date and the public history. Never internal
 * notes, never contact details. A wrong token answers exactly like an unknown
 * tracking number (404), so numbers cannot be probed.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { localizeService } from '../../src/core/catalog';
import { accessTokenSchema } from '../../src/core/events';
import { isLang, langSchema } from '../../src/core/lang';
import { normalizeTracking } from '../../src/core/tracking';
import { getService } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readQuery } from '../http/input';
import { publicHistories } from '../requests/history';
import { findRequestWithToken } from '../requests/read';

const query = z.strictObject({ token: z.string().max(100).optional(), lang: z.optional(langSchema) });

export function requestRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:tracking', async (c) => {
    const q = readQuery(c, query);
    const tracking = normalizeTracking(c.req.param('tracking'));
    const token = accessTokenSchema.safeParse(c.req.header('X-Access-Token') ?? q.token);
    const r =
      tracking && token.success ? await findRequestWithToken(deps.db, tracking, token.data) : undefined;
    if (!r) throw httpError(404, 'not_found');
    const service = await getService(deps.db, r.service_code);
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
