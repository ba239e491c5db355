/**
 * A field officer's whole day (issue 12): signs in online, goes offline, logs
 * 30 visits (10 with a request filed for the person, some with photos) and
 * makes 10 status changes across two reloads and one service-worker update,
 * then comes online: the server holds each exactly once and in the order they
 * were made, every photo's stored bytes hash to what the device took, and
 * the sync summary says all of it went. One server, one signed-in state.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { OfficerServer, PASSWORD } from './fixtures/officer-server';
import { makePng } from './fixtures/png';
import { NextVersionServer } from './pages/next-version';
import { OfficerApp, type VisitInput } from './pages/officer-app';

test.describe.configure({ mode: 'serial' });

let proxy: NextVersionServer;
let server: OfficerServer;
let context: BrowserContext;
let page: Page;
let app: OfficerApp;
const assigned: string[] = [];

test.beforeAll(async ({ browser }, info) => {
  proxy = await NextVersionServer.start(info.project.use.baseURL ?? '');
  server = await OfficerServer.start(proxy.url, 'day');
  for (let i = 1; i <= 5; i++) assigned.push(await server.assignedRequest(`Ward ${i} road`));
  context = await browser.newContext({
    baseURL: proxy.url,
    geolocation: { latitude: 12.0021, longitude: 8.5919, accuracy: 15 },
    permissions: ['geolocation'],
  });
  page = await context.newPage();
  app = new OfficerApp(page);
});

test.afterAll(async () => {
  await context.close();
  await server.close();
  await proxy.close();
});

function visit(i: number): VisitInput {
  const photos =
    i % 5 === 0
      ? [1, 2].map((n) => ({
          name: `visit-${i}-${n}.png`,
          mimeType: 'image/png',
          buffer: makePng(i * 10 + n),
        }))
      : [];
  return {
    ...(i % 4 === 0 ? { useLocation: true } : { place: `Compound ${i}, Kofar Mata` }),
    asked: `Visit ${i}: asked about the water point`,
    outcome: i % 2 === 0 ? 'Needs follow-up' : 'Referred to a service',
    ...(i % 6 === 0 ? { person: { name: `Person ${i}`, phone: '+234 802 000 1111' } } : {}),
    ...(photos.length > 0 ? { photos } : {}),
    ...(i % 3 === 0 ? { pothole: { language: i % 2 === 0 ? 'ha' : 'en' } } : {}),
  };
}

async function outboxOrder(): Promise<{ id: string; type: string; tracking?: string; to?: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('civic-officer');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const rows = await new Promise<
      { seq: number; event: { id: string; type: string; tracking?: string; to?: string } }[]
    >((resolve, reject) => {
      const r = db.transaction('outbox').objectStore('outbox').getAll();
      r.onsuccess = () => resolve(r.result as never);
      r.onerror = () => reject(r.error ?? new Error('read failed'));
    });
    db.close();
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.event);
  });
}

async function statusChanges(to: 'In progress' | 'Resolved'): Promise<void> {
  for (const tracking of assigned) {
    await app.openWorkItem(tracking);
    await app.changeStatus(to, to === 'Resolved' ? 'Filled and rolled' : undefined);
  }
}

test('a day offline reaches the server exactly once, in order, photos intact', async () => {
  test.setTimeout(600_000);
  await page.goto('/officer');
  await expect(app.heading('Sign in as a field officer')).toBeVisible();
  await app.signIn(server.officerEmail, PASSWORD);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await app.go('My work', 'My work');
  await expect(page.getByRole('list', { name: 'My work' }).getByRole('listitem')).toHaveCount(5);

  await context.setOffline(true);
  for (let i = 1; i <= 30; i++) {
    await app.logVisit(visit(i));
    if (i === 10 || i === 20) {
      await page.reload();
      await expect(app.heading('Log a visit')).toBeVisible();
    }
    if (i === 12) await statusChanges('In progress');
    if (i === 20) {
      // A new version lands while the officer passes through signal that reaches no API.
      await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await context.setOffline(false);
      proxy.release();
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const banner = page.getByRole('status').filter({ hasText: 'A new version of Civic Desk is ready.' });
      const reloaded = page.waitForEvent('load');
      await banner.getByRole('button', { name: 'Update now' }).click();
      await reloaded;
      await context.setOffline(true);
      await context.unroute('**/api/**');
      await expect(app.heading('Log a visit')).toBeVisible();
      expect(proxy.servedNext).toBeGreaterThan(0);
    }
    if (i === 27) await statusChanges('Resolved');
  }
  const made = await outboxOrder();
  expect(made).toHaveLength(50);
  await app.go('Sync', 'Sync');
  await expect(app.figure('waiting')).toHaveText('50');
  await expect(page.getByText('0 of 12 photos sent')).toBeVisible();

  await context.setOffline(false);
  await app.sendNow();
  await expect(app.figure('waiting')).toHaveText('0', { timeout: 60_000 });
  await expect(app.figure('sent')).toHaveText('50');
  await expect(app.figure('refused')).toHaveText('0');
  await expect(page.getByText('12 of 12 photos sent')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Last successful sync: Not yet')).toBeHidden();

  const held = await server.record();
  const visits = made.filter((e) => e.type === 'log_visit').map((e) => e.id);
  const requests = made.filter((e) => e.type === 'create_request').map((e) => e.id);
  expect(held.visits.map((v) => v.id)).toEqual(visits);
  expect(held.visits.map((v) => v.asked)).toEqual(
    Array.from({ length: 30 }, (_, i) => `Visit ${i + 1}: asked about the water point`),
  );
  expect(held.requests.map((r) => r.source_event_id)).toEqual(requests);
  expect(held.requests.every((r) => r.channel === 'in_person')).toBe(true);
  expect(held.requests.map((r) => r.language)).toEqual([
    'en',
    'ha',
    'en',
    'ha',
    'en',
    'ha',
    'en',
    'ha',
    'en',
    'ha',
  ]);
  expect(held.statuses).toEqual([
    ...assigned.map((tracking) => ({ tracking, status_from: 'submitted', status_to: 'in_progress' })),
    ...assigned.map((tracking) => ({ tracking, status_from: 'in_progress', status_to: 'resolved' })),
  ]);
  const device = await app.devicePhotoHashes();
  const withPhotos = held.visits.filter((v) => v.photos.length > 0);
  expect(withPhotos).toHaveLength(6);
  for (const v of withPhotos) {
    expect(v.photos).toEqual(device.get(v.id));
    expect(v.stored).toEqual(v.photos);
  }

  // The first request filed: its tracking number, large and as a QR code.
  await page.goto(`/officer/filed/${requests[0] ?? ''}`);
  await expect(page.getByText(held.requests[0]?.tracking ?? 'missing', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Scan to follow this request on your own phone' }),
  ).toBeVisible();
});
