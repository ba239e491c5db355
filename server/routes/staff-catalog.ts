/**
 * /api/staff/catalog: the catalog kept by managers and admins (permission
 * `catalog`; agents and officers 403). Every service, on or off, with its
 * version; one service with its version history; add (POST), save a new
 * version (PUT, naming the version it was made on), switch on or off. The
 * definition is checked by the core serviceSchema (catalog/admin.ts); a
 * refusal names the fields (`invalid`, `fields`) and changes nothing.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { LANGUAGE_CODES } from '../../src/core/lang';
import { saveService, setServiceActive, type SaveResult } from '../catalog/admin';
import { deskService, deskServices, serviceVersions } from '../catalog/desk';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { requireStaff, staffOf } from '../http/session';

const version = z.number().int().min(1);
// The definition is checked by the core schema in saveService, so its field paths come back as they are.
const saveBody = z.strictObject({ service: z.unknown(), base_version: version });
const addBody = z.strictObject({ service: z.unknown() });
const activeBody = z.strictObject({ active: z.boolean(), base_version: version });

function codeParam(raw: string | undefined): string {
  const parsed = z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .safeParse(raw);
  if (!parsed.success) throw httpError(404, 'not_found');
  return parsed.data;
}

function answer(c: Context<AppEnv>, r: SaveResult, created = false): Response {
  if (!r.ok) {
    const { status, error, ...details } = r;
    throw httpError(status, error, details);
  }
  return c.json({ service: r.service, active: r.active }, created ? 201 : 200);
}

export function staffCatalogRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff('catalog'));
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const limit = bodyLimit({ maxSize: 256 * 1024 });

  app.get('/', async (c) =>
    c.json({
      services: (await deskServices(deps.db)).map((r) => ({
        service_code: r.service.service_code,
        service_name: r.service.service_name,
        group: r.service.group,
        version: r.service.version ?? 1,
        active: r.active,
        updated_at: r.updated_at,
        updated_by: r.updated_by,
      })),
      languages: LANGUAGE_CODES,
    }),
  );

  app.get('/:code', async (c) => {
    const code = codeParam(c.req.param('code'));
    const row = await deskService(deps.db, code);
    if (!row) throw httpError(404, 'not_found');
    return c.json({
      service: row.service,
      active: row.active,
      versions: await serviceVersions(deps.db, code),
    });
  });

  app.post('/', limit, async (c) => {
    const b = await readJson(c, addBody);
    const r = await saveService(
      deps.db,
      { definition: b.service, baseVersion: null },
      staffOf(c).id,
      deps.now(),
    );
    return answer(c, r, true);
  });

  app.put('/:code', limit, async (c) => {
    const code = codeParam(c.req.param('code'));
    const b = await readJson(c, saveBody);
    const input = { definition: b.service, baseVersion: b.base_version, code };
    return answer(c, await saveService(deps.db, input, staffOf(c).id, deps.now()));
  });

  app.post('/:code/active', async (c) => {
    const code = codeParam(c.req.param('code'));
    const b = await readJson(c, activeBody);
    return answer(
      c,
      await setServiceActive(deps.db, code, b.active, b.base_version, staffOf(c).id, deps.now()),
    );
  });
  return app;
}
