/**
 * The officer's device: GET /api/officer/session (who is signed in and until
 * when; calling it online renews the session, see auth/sessions.ts) and GET
 * /api/officer/work (the caseload to take offline, officer/work.ts). Field
 * permission required: officers, managers and admins.
 */
import { Hono } from 'hono';
import type { OfficerSession, OfficerWork } from '../../src/core/officer-work';
import { getJurisdiction } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { requireStaff, staffOf } from '../http/session';
import { officerWork } from '../officer/work';

function expiresOf(c: { get(key: 'sessionExpires'): Date | null }): string {
  const expires = c.get('sessionExpires');
  if (!expires) throw httpError(401, 'not_signed_in');
  return expires.toISOString();
}

export function officerRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff('field'));
  app.get('/session', (c) => {
    const staff = staffOf(c);
    const body: OfficerSession = {
      user: { id: staff.id, email: staff.email, name: staff.name, role: staff.role },
      expires_at: expiresOf(c),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  app.get('/work', async (c) => {
    const staff = staffOf(c);
    const now = deps.now();
    const items = await officerWork(deps.db, staff.id, now, await getJurisdiction(deps.db));
    const body: OfficerWork = { items, fetched_at: now.toISOString(), expires_at: expiresOf(c) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
