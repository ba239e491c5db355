/**
 * GET /api/public/scorecard — no sign-in. Aggregates only (metrics/scorecard.ts).
 * Cached briefly by browsers and proxies: the figures move by the day, and
 * the page keeps its own copy for offline use.
 */
import { Hono } from 'hono';
import type { AppEnv, ServerDeps } from '../http/env';
import { buildScorecard } from '../metrics/scorecard';

export function publicRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/scorecard', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await buildScorecard(deps.db, deps.now()));
  });
  return app;
}
