/** The Hono application: API routes, then the built app. */
import { Hono } from 'hono';
import { mountStatic } from './static';

export interface AppOptions {
  readonly appDir: string;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ ok: true }));
  mountStatic(app, options.appDir);
  return app;
}
