/**
 * The built app's files: validators on everything and a 304 for an unchanged
 * file (sw.js above all: the browser checks it each time the app opens),
 * immutable caching for hashed assets, and no second compression of files
 * compressed at build time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

const WORKER = `self.addEventListener('install', () => {});\n${'// padding\n'.repeat(200)}`;

async function writeCompressed(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  await writeFile(`${file}.br`, brotliCompressSync(text));
  await writeFile(`${file}.gz`, gzipSync(text));
}

describe.each(databases)('static files on $name', (target) => {
  let s: TestServer;
  let appDir: string;
  let app: ReturnType<typeof createApp>;
  const get = (url: string, headers: Record<string, string> = {}) =>
    Promise.resolve(app.request(url, { headers }));
  beforeAll(async () => {
    s = await TestServer.start(target);
    appDir = await mkdtemp(path.join(tmpdir(), 'civic-static-'));
    await mkdir(path.join(appDir, 'assets'));
    await writeCompressed(path.join(appDir, 'sw.js'), WORKER);
    await writeCompressed(path.join(appDir, 'index.html'), `<!doctype html><title>Civic Desk</title>`);
    await writeCompressed(path.join(appDir, 'assets', 'index-AbC123.js'), WORKER.replace('install', 'x'));
    app = createApp({ appDir, deps: s.deps });
  });
  afterAll(async () => {
    await s.close();
    await rm(appDir, { recursive: true, force: true });
  });

  it('sends sw.js pre-compressed, revalidated each time, and a bare 304 when unchanged', async () => {
    const first = await get('/sw.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Encoding')).toBe('br');
    expect(first.headers.get('Cache-Control')).toBe('no-cache');
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    // Not compressed a second time: the bytes are the brotli file's.
    expect(Buffer.from(await first.arrayBuffer())).toEqual(brotliCompressSync(WORKER));

    const again = await get('/sw.js', { 'Accept-Encoding': 'gzip, deflate, br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('no-cache');

    // Another encoding is another representation, with its own validator.
    const gzip = await get('/sw.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gzip.headers.get('Vary')).toMatch(/Accept-Encoding/);
  });

  it('caches hashed assets for a year as immutable', async () => {
    const res = await get('/assets/index-AbC123.js', { 'Accept-Encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('ETag')).toBeTruthy();
    // An old version's chunk that is gone is a 404, never the page cached for a year.
    const gone = await get('/assets/index-Gone99.js');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('Cache-Control')).toBeNull();
  });

  it('answers a deep link with index.html, revalidated, compressed and with a validator', async () => {
    const res = await get('/services/pothole', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const etag = res.headers.get('ETag') ?? '';
    expect(etag).not.toBe('');
    const again = await get('/services/pothole', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
  });
});
