/**
 * Test-only hooks, mounted only when the server runs with E2E=1 (Playwright's
 * webServer): the browser tests cannot run `npm run civic` beside a server
 * that holds the PGlite folder, so POST /api/e2e/civic runs the very same
 * CLI commands in-process; POST /api/e2e/expire-sessions ends a user's
 * sessions as if their 12 hours had passed, which a real clock cannot do
 * within a test; POST /api/e2e/officer-record says what the server holds of
 * an officer's day (e2e-officer.ts). Never mounted in a normal start.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { runCommand, UsageError } from '../cli/commands';
import type { AppEnv, ServerDeps } from '../http/env';
import { readJson } from '../http/input';
import { officerRecord } from './e2e-officer';

const civicBody = z.strictObject({
  args: z.array(z.string().max(500)).max(20),
  password: z.string().optional(),
});
const expireBody = z.strictObject({ email: z.string().max(254) });

export function e2eRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/civic', async (c) => {
    const { args, password } = await readJson(c, civicBody);
    try {
      const output = await runCommand(
        deps.db,
        args,
        password === undefined ? {} : { CIVIC_PASSWORD: password },
      );
      return c.json({ output });
    } catch (err) {
      if (err instanceof UsageError) return c.json({ error: 'usage', message: err.message }, 400);
      throw err;
    }
  });
  app.post('/expire-sessions', async (c) => {
    const { email } = await readJson(c, expireBody);
    const rows = await deps.db.query(
      `UPDATE sessions SET expires_at = $2 WHERE user_id IN (SELECT id FROM users WHERE lower(email) = lower($1))
       RETURNING id_hash`,
      [email, deps.now()],
    );
    return c.json({ expired: rows.length });
  });
  app.post('/officer-record', async (c) => {
    const { email } = await readJson(c, expireBody);
    return c.json(await officerRecord(deps.db, deps.files, email));
  });
  return app;
}
