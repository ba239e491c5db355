/**
 * Size budgets, checked by bytes (never by time):
 * - all JavaScript a citizen's browser fetches to open home and a form ≤ 80 KB brotli,
 *   and none of it another room's code (staff, officer, kiosk, public);
 * - everything the service worker precaches ≤ 250 KB brotli;
 * - sending a text-only request costs ≤ 2 KB on the wire;
 * - a first visit until the app works offline (page, sw.js and everything it
 *   precaches, catalog, locale) ≤ 150 KB received, in English and in French;
 * - opening the app again with nothing changed ≤ 2 KB received (the worker's
 *   update check and the catalog's revalidation answered 304);
 * - the catalog comes in the person's language only, another language only
 *   when the person picks it, after which the app works offline in it.
 * The wire figures go through a byte-counting proxy in front of the real
 * server (bench/lib/wire-proxy.ts), the same visits bench/first-visit.ts prints.
 */
import { test, expect, type Browser } from '@playwright/test';
import { precacheUrls, sumBrotli, kb } from '../../bench/lib/sizes';
import { breakdown, firstVisit, reopen } from '../../bench/lib/visits';
import { startWireProxy, type WireProxy } from '../../bench/lib/wire-proxy';
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

const FIRST_VISIT_BUDGET = 150 * 1024;
const REOPEN_BUDGET = 2 * 1024;

let proxy: WireProxy;
test.beforeAll(async ({ baseURL }) => {
  proxy = await startWireProxy(baseURL ?? '');
});
test.afterAll(() => proxy.close());

const catalogCalls = () =>
  proxy.entries.filter((e) => e.url.startsWith('/api/catalog')).map((e) => `${e.url} ${e.status}`);

async function visitTwice(browser: Browser, locale: string, lang: string) {
  const context = await browser.newContext({ locale });
  const first = await firstVisit(context, proxy);
  const firstCatalog = first.entries.filter((e) => e.url.startsWith('/api/catalog'));
  expect(firstCatalog.map((e) => e.url)).toEqual([`/api/catalog?lang=${lang}`]);
  expect(firstCatalog[0]?.encoding).toBe('br');
  expect(
    first.received,
    `first visit is ${kb(first.received)}:\n${breakdown(first).join('\n')}`,
  ).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);

  const again = await reopen(context, proxy);
  expect(
    again.entries.filter((e) => e.url === '/sw.js' || e.url.startsWith('/api/catalog')).map((e) => e.status),
  ).toEqual([304, 304]);
  expect(
    again.received,
    `opening again is ${kb(again.received)}:\n${breakdown(again).join('\n')}`,
  ).toBeLessThanOrEqual(REOPEN_BUDGET);
  return context;
}

test('a first visit in English costs at most 150 KB until offline, opening again at most 2 KB', async ({
  browser,
}) => {
  const context = await visitTwice(browser, 'en-GB', 'en');
  await context.close();
});

test('in French the same budgets hold; Spanish is fetched only when picked, then works offline', async ({
  browser,
}) => {
  const context = await visitTwice(browser, 'fr-FR', 'fr');
  const page = await context.newPage();
  proxy.reset();
  await page.goto(`${proxy.url}/`);
  await expect(page.getByRole('link', { name: 'Nid-de-poule', exact: true })).toBeVisible();
  // Opening the app checks the French catalog once; only then pick Spanish.
  await expect.poll(catalogCalls).toEqual(['/api/catalog?lang=fr 304']);
  proxy.reset();
  await page.getByRole('banner').getByRole('combobox', { name: 'Langue' }).selectOption('es');
  await expect(page.getByRole('link', { name: 'Bache', exact: true })).toBeVisible();
  await expect.poll(catalogCalls).toEqual(['/api/catalog?lang=es 200']);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Bache', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Bache', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bache' })).toBeVisible();
  await context.close();
});
