/**
 * Kiosks at the staff desk, for admins only (permission `kiosks`): the list
 * with each kiosk's state, last contact and what it filed; registering one
 * (answered once with its enrolment link); changing its name and settings; a
 * new link; revoking. The same store and checks as `npm run civic -- kiosk`
 * (kiosks/store.ts, kiosks/admin.ts).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { kioskNameSchema, kioskSettingsSchema } from '../../src/core/kiosk';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { requireStaff } from '../http/session';
import { enrolLink, kioskActivity, kioskState, unknownServices } from '../kiosks/admin';
import {
  addKiosk,
  findKiosk,
  listKiosks,
  renameKiosk,
  renewEnrolCode,
  revokeKiosk,
  updateKioskSettings,
  type Kiosk,
} from '../kiosks/store';

const kioskBody = z.strictObject({ name: kioskNameSchema, settings: kioskSettingsSchema });

function idParam(raw: string | undefined): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw httpError(404, 'not_found');
  return parsed.data.toLowerCase();
}

const view = (k: Kiosk) => ({ ...k, state: kioskState(k) });

export function staffKioskRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff('kiosks'));
  app.use('*', async (c, next) => {
    await next();
    // Links are secrets for a few days: never kept by a cache.
    c.header('Cache-Control', 'no-store');
  });
  const small = bodyLimit({ maxSize: 16 * 1024 });
  const read = async (c: Context) => {
    const input = await readJson(c, kioskBody);
    const unknown = await unknownServices(deps.db, input.settings.services);
    if (unknown.length > 0)
      throw httpError(422, 'unknown_services', { fields: ['settings.services'], services: unknown });
    return input;
  };
  const link = (code: string, expires: Date) => ({
    link: enrolLink(deps.notify.publicUrl, code),
    expires_at: expires,
  });

  app.get('/', async (c) => {
    const [kiosks, activity] = await Promise.all([listKiosks(deps.db), kioskActivity(deps.db)]);
    return c.json({
      kiosks: kiosks.map((k) => ({
        ...view(k),
        ...(activity.get(k.id) ?? { requests: 0, last_request_at: null, enrol_expires_at: null }),
      })),
    });
  });
  app.post('/', small, async (c) => {
    const input = await read(c);
    const { kiosk, code, expires } = await addKiosk(deps.db, input, deps.now());
    return c.json({ kiosk: view(kiosk), ...link(code, expires) }, 201);
  });
  app.put('/:id', small, async (c) => {
    const id = idParam(c.req.param('id'));
    const input = await read(c);
    if (!(await renameKiosk(deps.db, id, input.name))) throw httpError(404, 'not_found');
    const kiosk = await updateKioskSettings(deps.db, id, input.settings);
    if (!kiosk) throw httpError(404, 'not_found');
    return c.json({ kiosk: view(kiosk) });
  });
  app.post('/:id/link', async (c) => {
    const id = idParam(c.req.param('id'));
    const kiosk = await findKiosk(deps.db, id);
    if (!kiosk) throw httpError(404, 'not_found');
    const renewed = await renewEnrolCode(deps.db, id, deps.now());
    if (!renewed) throw httpError(409, 'kiosk_revoked');
    return c.json(link(renewed.code, renewed.expires));
  });
  app.post('/:id/revoke', async (c) => {
    const kiosk = await revokeKiosk(deps.db, idParam(c.req.param('id')), deps.now());
    if (!kiosk) throw httpError(404, 'not_found');
    return c.json({ kiosk: view(kiosk) });
  });
  return app;
}
