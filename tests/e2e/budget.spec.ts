/**
 * Size budgets, checked by bytes (never by time):
 * - all JavaScript a citizen's browser fetches to open home and a form ≤ 80 KB brotli,
 *   and none of it another room's code (staff, officer, kiosk, public);
 * - everything the service worker precaches ≤ 250 KB brotli;
 * - sending a text-only request costs ≤ 2 KB on the wire.
 */
import { test, expect } from '@playwright/test';
import { precacheUrls, sumBrotli, kb } from '../../bench/lib/sizes';
import { CitizenApp } from './pages/citizen-app';

test('the JavaScript to open home and a form fits in 80 KB brotli, with no staff code', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto('/');
  const app = new CitizenApp(page);
  await expect(app.serviceLink('Pothole')).toBeVisible();
  await app.startRequest('Pothole');

  const urls = [...scripts];
  const bytes = sumBrotli(urls);
  console.log(
    `citizen JavaScript to open home and a form: ${bytes} B (${kb(bytes)}) brotli in ${urls.length} files`,
  );
  expect(
    urls.filter((u) => /\/assets\/(staff|officer|kiosk|public)\//.test(u)),
    "another room's code fetched by a citizen",
  ).toEqual([]);
  expect(
    urls.filter((u) => u.includes('/kiosk/')),
    'kiosk code fetched by a citizen',
  ).toEqual([]);
  expect(bytes, `citizen JavaScript is ${kb(bytes)}: ${urls.join(', ')}`).toBeLessThanOrEqual(80 * 1024);
});

test('everything precached fits in 250 KB brotli', () => {
  const urls = precacheUrls();
  expect(urls.length).toBeGreaterThan(3);
  // The kiosk room is cached on a kiosk when it first runs, never on a citizen's phone.
  expect(urls.filter((u) => u.includes('/kiosk/'))).toEqual([]);
  const bytes = sumBrotli(urls);
  expect(bytes, `precache is ${kb(bytes)}`).toBeLessThanOrEqual(250 * 1024);
});

test('a text-only request costs at most 2 KB on the wire to send', async ({ page, context }) => {
  const sent: number[] = [];
  await context.route('**/api/sync', async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    const headerBytes = Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    sent.push((request.postDataBuffer()?.length ?? 0) + headerBytes + request.url().length + 12);
    await route.continue();
  });
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest('Pothole');
  await form.fillPothole({ description: 'A deep hole in the road by the bus stop. Cars swerve round it.' });
  const receipt = await form.send();
  await receipt.receipt();
  expect(sent.length).toBeGreaterThan(0);
  expect(Math.max(...sent)).toBeLessThanOrEqual(2 * 1024);
});
