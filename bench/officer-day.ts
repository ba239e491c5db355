/**
 * A field officer's day sent over a slow link: 50 visits with 2 photos each
 * (100 photos), waiting on the device, then sent with Chromium's network
 * emulation at 400 kbit/s each way and 300 ms latency, from the moment the
 * device is back online (the app starts sending by itself). Prints the time until
 * the sync summary shows nothing waiting and every photo sent, the bytes on
 * the wire both ways (counted by a TCP proxy in front of the real server) and
 * the number of HTTP requests Chromium made.
 *
 * The visits go into the officer's database directly (as the visit form would
 * leave them), so the figure is the sending alone. Photos are JPEGs made in
 * the page, about BENCH_PHOTO_KB each (default 60, a resized phone photo of
 * a simple scene; the app's resizer caps them at 300 KB).
 * Environment: BENCH_VISITS (50), BENCH_PHOTO_KB (60).
 */
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { findChromium } from '../scripts/find-chromium.mjs';

const VISITS = Number(process.env.BENCH_VISITS ?? 50);
const PHOTO_KB = Number(process.env.BENCH_PHOTO_KB ?? 60);
const KBIT = 400;
const LATENCY_MS = 300;
const PASSWORD = 'bench officer password';

execSync('node scripts/build-if-needed.mjs', { stdio: 'ignore' });
const port = 22000 + (process.pid % 9000);
const upstream = `http://localhost:${port}`;
const server = spawn(process.execPath, ['dist-server/main.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'civic-bench-')),
    E2E: '1',
  },
  stdio: 'ignore',
});

/** Counts every byte between the browser and the server, both ways. */
const wire = { up: 0, down: 0 };
const proxy = net.createServer((client) => {
  const target = net.connect(port, 'localhost');
  client.on('data', (d: Buffer) => (wire.up += d.length));
  target.on('data', (d: Buffer) => (wire.down += d.length));
  client.pipe(target).pipe(client);
  const close = () => {
    client.destroy();
    target.destroy();
  };
  client.on('error', close);
  target.on('error', close);
});

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`${upstream}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

/** Writes the day into the officer's database as the visit form would. */
async function seedDay(visits: number, photoKb: number): Promise<{ photos: number; photoBytes: number }> {
  return page.evaluate(
    async ({ visits, photoKb }) => {
      const hex = async (b: Blob) =>
        Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await b.arrayBuffer())), (x) =>
          x.toString(16).padStart(2, '0'),
        ).join('');
      const photo = async (seed: number): Promise<Blob> => {
        // Noise on a gradient, sized until the JPEG is about photoKb.
        let edge = 640;
        for (;;) {
          const c = new OffscreenCanvas(edge, Math.round(edge * 0.75));
          const g = c.getContext('2d');
          if (!g) throw new Error('no 2d');
          const img = g.createImageData(c.width, c.height);
          let s = seed * 9973 + 1;
          for (let i = 0; i < img.data.length; i += 4) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const n = s % 48;
            const x = (i / 4) % c.width;
            img.data[i] = (x + seed * 17 + n) & 0xff;
            img.data[i + 1] = (x / 2 + n) & 0xff;
            img.data[i + 2] = (seed * 29 + n) & 0xff;
            img.data[i + 3] = 255;
          }
          g.putImageData(img, 0, 0);
          const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
          if (blob.size >= photoKb * 1024 * 0.8 || edge > 2400) return blob;
          edge = Math.round(edge * 1.25);
        }
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('civic-officer');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open'));
      });
      const photos: {
        owner: string;
        sha256: string;
        blob: Blob;
        type: string;
        size: number;
        uploaded: 0;
        added_at: string;
      }[] = [];
      const entries: unknown[] = [];
      for (let v = 1; v <= visits; v++) {
        const id = crypto.randomUUID();
        const refs = [];
        for (const k of [1, 2]) {
          const blob = await photo(v * 2 + k);
          const sha256 = await hex(blob);
          photos.push({
            owner: id,
            sha256,
            blob,
            type: 'image/jpeg',
            size: blob.size,
            uploaded: 0,
            added_at: new Date().toISOString(),
          });
          refs.push({ sha256, type: 'image/jpeg', size: blob.size });
        }
        const at = new Date().toISOString();
        entries.push({
          id,
          seq: v,
          created_at: at,
          state: 'waiting',
          event: {
            id,
            at,
            type: 'log_visit',
            visit: {
              visited_at: at,
              place: `Compound ${v}, Kofar Mata`,
              location: { lat: 12 + v / 1000, long: 8.5, accuracy_m: 12 },
              language: 'ha',
              asked: 'When will the borehole pump be repaired? The handle has been broken since the rains.',
              notes: 'Spoke with the compound head; two households affected.',
              outcome: 'follow_up',
              photos: refs,
            },
          },
        });
      }
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['outbox', 'photos', 'meta'], 'readwrite');
        for (const e of entries) tx.objectStore('outbox').put(e);
        for (const p of photos) tx.objectStore('photos').put(p);
        tx.objectStore('meta').put({ key: 'seq', value: visits });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write'));
      });
      db.close();
      return { photos: photos.length, photoBytes: photos.reduce((n, p) => n + p.size, 0) };
    },
    { visits, photoKb },
  );
}

const browserInfo = (findChromium as () => { path: string; own: boolean } | undefined)();
let page: Page;
try {
  await waitForServer();
  await new Promise<void>((r) => proxy.listen(0, r));
  const base = `http://localhost:${(proxy.address() as net.AddressInfo).port}`;
  const email = `bench-officer-${Date.now()}@city.example`;
  await fetch(`${upstream}/api/e2e/civic`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      args: ['user', 'add', '--email', email, '--role', 'officer'],
      password: PASSWORD,
    }),
  });
  const browser = await chromium.launch({
    ...(browserInfo && !browserInfo.own ? { executablePath: browserInfo.path } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({ baseURL: base });
  // tsx names functions with a helper the page lacks; evaluate() code needs it there.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page = await context.newPage();
  await page.goto('/officer');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: "Today's field work" }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Offline while the day is written, so nothing leaves early; then reloaded, so the app reads
  // the database afresh (Dexie's live queries do not see writes made beside it).
  await context.setOffline(true);
  const seeded = await seedDay(VISITS, PHOTO_KB);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: "Today's field work" }).waitFor();
  // To the sync summary inside the app (no network needed), still offline.
  await page
    .getByRole('navigation', { name: 'Field officer' })
    .getByRole('link', { name: 'Sync', exact: true })
    .click();
  await page.getByRole('button', { name: 'Send now' }).waitFor();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (KBIT * 1000) / 8,
    uploadThroughput: (KBIT * 1000) / 8,
  });
  let requests = 0;
  const kinds = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string; method: string } }) => {
    const url = new URL(e.request.url);
    if (!url.pathname.startsWith('/api/')) return;
    requests++;
    const kind = `${e.request.method} ${url.pathname.replace(/\/[0-9a-f-]{36}\/[0-9a-f]{64}$/, '/:event/:sha256')}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  });
  wire.up = 0;
  wire.down = 0;
  // Back in signal: the app starts sending by itself (its 'online' handler), throttled.
  const t0 = performance.now();
  await context.setOffline(false);
  await page.locator('[data-figure="waiting"]').filter({ hasText: /^0$/ }).waitFor({ timeout: 3_600_000 });
  const refused = await page.locator('[data-figure="refused"]').textContent();
  if (refused !== '0')
    throw new Error(
      `refused: ${refused}: ${await page.getByRole('region', { name: 'Refused by the server' }).textContent()}`,
    );
  await page.getByText(`${seeded.photos} of ${seeded.photos} photos sent`).waitFor({ timeout: 3_600_000 });
  const seconds = (performance.now() - t0) / 1000;
  const sent = await page.locator('[data-figure="sent"]').textContent();

  console.log(`Officer day over ${KBIT} kbit/s, ${LATENCY_MS} ms latency (Chromium emulation):`);
  console.log(
    `  visits: ${VISITS} (sent: ${sent}), photos: ${seeded.photos}, photo bytes: ${(seeded.photoBytes / 1024).toFixed(0)} KB (${(seeded.photoBytes / seeded.photos / 1024).toFixed(1)} KB each)`,
  );
  console.log(`  time to send everything: ${seconds.toFixed(1)} s`);
  console.log(
    `  bytes on the wire: ${(wire.up / 1024).toFixed(0)} KB up, ${(wire.down / 1024).toFixed(0)} KB down`,
  );
  console.log(`  overhead beyond photo bytes: ${((wire.up - seeded.photoBytes) / 1024).toFixed(0)} KB up`);
  console.log(`  HTTP requests: ${requests} (${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ')})`);
  await browser.close();
} finally {
  proxy.close();
  server.kill('SIGTERM');
}
