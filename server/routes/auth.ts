/**
 * Staff sign-in: POST /api/auth/login (rate-limited per e-mail and address),
 * POST /api/auth/logout, GET /api/auth/me.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { verifyAgainstDummy, verifyPassword } from '../auth/password';
import { attemptKey, clearFailures, recordFailure, retryAfter } from '../auth/rate-limit';
import { createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions';
import { findUserByEmail } from '../auth/users';
import { clientIp, isHttps } from '../http/client';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson } from '../http/input';
import { setSessionCookie } from '../http/session-cookie';

const loginSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1000),
});

export function authRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/login', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const { email, password } = await readJson(c, loginSchema);
    const now = deps.now();
    const key = attemptKey(email, clientIp(c, deps.trustProxy));
    const wait = await retryAfter(deps.db, key, now);
    if (wait > 0)
      return c.json({ error: 'too_many_attempts', retry_after: wait }, 429, { 'Retry-After': String(wait) });
    const user = await findUserByEmail(deps.db, email);
    const ok =
      user && !user.disabled
        ? await verifyPassword(password, user.password_hash)
        : await verifyAgainstDummy(password);
    if (!ok || !user) {
      await recordFailure(deps.db, key, now);
      throw httpError(401, 'invalid_credentials');
    }
    await clearFailures(deps.db, key);
    const session = await createSession(deps.db, user.id, now);
    setSessionCookie(c, session.id, session.expires, deps.trustProxy);
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
  });
  app.post('/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await deleteSession(deps.db, id);
    deleteCookie(c, SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c, deps.trustProxy),
    });
    return c.json({ ok: true });
  });
  app.get('/me', (c) => {
    const staff = c.get('staff');
    if (!staff) throw httpError(401, 'not_signed_in');
    c.header('Cache-Control', 'no-store');
    return c.json({ user: staff });
  });
  return app;
}
