/**
 * Serves the built app: hashed assets cached for a year, the service worker
 * and index.html never cached, and any other path answered with index.html so
 * deep links work. Text files are sent pre-compressed (brotli or gzip files
 * written next to them at build time by scripts/compress-dist.mjs), which
 * matters most on a 2G phone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export function mountStatic<E extends Env>(app: Hono<E>, appDir: string): void {
  const root = path.relative(process.cwd(), appDir) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use(
    '*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (p, c) => {
        if (/(^|\/)(sw\.js|index\.html|manifest\.webmanifest)$/.test(p))
          c.header('Cache-Control', 'no-cache');
      },
    }),
  );
  let indexHtml: string | undefined;
  app.get('*', async (c) => {
    indexHtml ??= await readFile(path.join(appDir, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
