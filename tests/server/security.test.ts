/** What every response carries: security headers and a strict CSP; unknown API paths as JSON 404s. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

describe.each(databases)('security on $name', (target) => {
  let s: TestServer;
  let appDir: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    s = await TestServer.start(target);
    appDir = await mkdtemp(path.join(tmpdir(), 'civic-app-'));
    await writeFile(path.join(appDir, 'index.html'), '<!doctype html><title>Civic Desk</title>');
    app = createApp({ appDir, deps: s.deps });
  });
  afterAll(async () => {
    await s.close();
    await rm(appDir, { recursive: true, force: true });
  });

  it('serves the app with a strict Content-Security-Policy and the usual hardening headers', async () => {
    const res = await app.request('/some/deep/link');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    for (const d of [
      "default-src 'self'",
      "img-src 'self' blob: data:",
      "style-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "manifest-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('answers unknown API paths with a JSON 404, not the app, and errors carry the headers too', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found' });
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const bad = await app.request('/api/sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers health and catalog', async () => {
    expect(await (await s.get('/api/health')).json()).toEqual({ ok: true });
    const catalog = (await (await s.get('/api/catalog')).json()) as {
      jurisdiction: { jurisdiction_id: string };
      services: { service_code: string }[];
    };
    expect(catalog.jurisdiction.jurisdiction_id).toBeTruthy();
    expect(catalog.services.length).toBeGreaterThanOrEqual(12);
    const etag = (await s.get('/api/catalog')).headers.get('ETag') ?? '';
    expect(etag).not.toBe('');
    expect((await s.get('/api/catalog', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});
