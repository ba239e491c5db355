/**
 * The kiosk device's API: POST /api/kiosk/enrol exchanges a one-time code for
 * the device credential (set as a cookie), GET /api/kiosk/settings tells an
 * enrolled kiosk who it is and how to behave (and renews the cookie's life).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { enrolCodeSchema, type KioskInfo } from '../../src/core/kiosk';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { kioskCredential, setKioskCookie } from '../kiosks/credential';
import { enrolDevice, type KioskCaller } from '../kiosks/store';

const enrolBody = z.strictObject({ code: z.string().max(100) });

const info = (k: KioskCaller): { kiosk: KioskInfo } => ({
  kiosk: { id: k.id, name: k.name, settings: k.settings },
});

export function kioskRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/enrol', bodyLimit({ maxSize: 4 * 1024 }), async (c) => {
    const { code } = await readJson(c, enrolBody);
    // Unknown, used, expired and revoked codes get one answer: the link no longer works.
    const enrolled = enrolCodeSchema.safeParse(code).success
      ? await enrolDevice(deps.db, code, deps.now())
      : undefined;
    if (!enrolled) throw httpError(400, 'invalid_enrolment_code');
    setKioskCookie(c, enrolled.credential, deps.trustProxy);
    c.header('Cache-Control', 'no-store');
    return c.json(info(enrolled.kiosk));
  });
  app.get('/settings', (c) => {
    const kiosk = c.get('kiosk');
    c.header('Cache-Control', 'no-store');
    if (!kiosk) throw httpError(401, 'not_a_kiosk');
    if (kiosk.revoked_at) throw httpError(403, 'kiosk_revoked', { revoked_at: kiosk.revoked_at });
    const credential = kioskCredential(c);
    if (credential) setKioskCookie(c, credential, deps.trustProxy);
    return c.json(info(kiosk));
  });
  return app;
}
