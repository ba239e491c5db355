/**
 * Serves the built app: hashed assets cached for a year as immutable, the
 * service worker, index.html and the manifest revalidated on every use, and
 * any other path answered with index.html so deep links work. Text files are
 * sent pre-compressed (brotli or gzip files written next to them at build
 * time by scripts/compress-dist.mjs), which matters most on a 2G phone.
 *
 * Every file carries an ETag (one per encoded variant, since the bytes
 * differ) and a conditional request for an unchanged file is answered 304:
 * the browser checks sw.js for an update each time the app opens, and that
 * check must cost a few hundred bytes, not the whole worker.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env, Hono, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files whose name never changes and that must be fresh: the browser asks each time. */
const REVALIDATED = /^\/(sw\.js|index\.html|manifest\.webmanifest)$/;

/** Hashed assets for a year; the worker, the page and deep links revalidated; other files (icons) a day. */
function cachePolicy(pathname: string): string {
  if (pathname.startsWith('/assets/')) return IMMUTABLE;
  if (REVALIDATED.test(pathname) || !/\.[A-Za-z0-9]+$/.test(pathname)) return 'no-cache';
  return 'public, max-age=86400';
}

/**
 * Outside etag(), so its 304s carry the policy too. The ETag is the one
 * validator: browsers send If-None-Match when they have it, so the file's
 * Last-Modified would only cost bytes.
 */
const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200 && c.res.status !== 304) return;
  c.res.headers.set('Cache-Control', cachePolicy(c.req.path));
  if (c.res.headers.has('ETag')) c.res.headers.delete('Last-Modified');
};

export function mountStatic<E extends Env>(app: Hono<E>, appDir: string): void {
  const root = path.relative(process.cwd(), appDir) || '.';
  app.use('*', cacheControl, etag(), serveStatic({ root, precompressed: true }));
  // A hashed asset that is not there (an old version's chunk) is not the page.
  app.get('/assets/*', (c) => c.text('Not found', 404));
  let indexHtml: string | undefined;
  app.get('*', async (c) => {
    indexHtml ??= await readFile(path.join(appDir, 'index.html'), 'utf8');
    return c.html(indexHtml);
  });
}
