/**
 * A kiosk forgets the last person. One kiosk, its own server (short idle
 * times set with `kiosk add`): a person walks away mid-form and after the
 * reset no store of the origin and not the page holds what they typed; a
 * second person sends while the kiosk is offline, and once it is online the
 * request is on the server once and nothing of it is left on the device.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { KioskPage } from './kiosk/kiosk-page';
import { MANAGER, startKioskServer, type KioskServer } from './kiosk/server';
import { readEveryStore, whereFound } from './kiosk/stores';

// One kiosk device for the file, like the real one: person after person.
let server: KioskServer;
let context: BrowserContext;
let page: Page;
let kiosk: KioskPage;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startKioskServer({ warning: 4, reset: 8 });
  context = await browser.newContext();
  page = await context.newPage();
  kiosk = new KioskPage(page);
  await kiosk.enrol(server.link);
});
test.afterAll(async () => {
  await context.close();
  await server.stop();
});

async function signInAsManager(page: Page): Promise<void> {
  const res = await page.request.post(`${server.origin}/api/auth/login`, { data: MANAGER });
  expect(res.ok()).toBe(true);
}

test('after the idle reset, no store and not the page holds what the person typed', async () => {
  const person = {
    sentence: 'Marmalade giraffes queue beside the broken culvert',
    name: 'Adaeze Okonkwo-Bright',
    phone: '+234 803 555 0199',
  };
  await kiosk.fillUpToContact(person);
  const needles = [person.sentence, person.name, person.phone];

  // The probe finds the draft while the person is still there, so finding nothing later means something.
  await expect
    .poll(async () => whereFound(await readEveryStore(page), needles))
    .toContain('IndexedDB civic-kiosk/drafts');

  // They walk away: the warning comes after the kiosk's 4 s, then the reset at 8 s.
  const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog.getByRole('button', { name: "Yes, I'm still here" })).toBeVisible();
  await kiosk.welcome();
  expect(new URL(page.url()).pathname).toBe('/kiosk');

  const after = await readEveryStore(page);
  expect(whereFound(after, needles)).toEqual([]);
  // What was there to search: the kiosk's database with all its stores, and the service worker's caches.
  expect(Object.keys(after.indexedDb)).toEqual(
    expect.arrayContaining([
      'civic-kiosk/drafts',
      'civic-kiosk/outbox',
      'civic-kiosk/photos',
      'civic-kiosk/requests',
    ]),
  );
  expect(after.cacheStorage).toContain('/assets/kiosk/');
  // Never the citizen's database: the kiosk keeps its storage apart.
  expect(Object.keys(after.indexedDb).some((k) => k.startsWith('civic-desk/'))).toBe(false);
  await expect(page.getByText(person.name)).toHaveCount(0);
});

test('a request sent offline reaches the server once, then nothing of it is left on the kiosk', async () => {
  const person = {
    sentence: 'Seventeen violet umbrellas block the storm drain',
    name: 'Musa Abdullahi-Stone',
    phone: '+234 809 555 0142',
  };
  await context.setOffline(true);
  await kiosk.fillUpToContact(person);
  await kiosk.continue('Check your answers');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your request is saved on this kiosk' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).first().click();
  await kiosk.welcome();
  const needles = [person.sentence, person.name, person.phone];
  // Waiting to go, it is in the outbox only, which no screen shows.
  expect(whereFound(await readEveryStore(page), needles)).toEqual(['IndexedDB civic-kiosk/outbox']);

  await context.setOffline(false);
  await expect
    .poll(async () => whereFound(await readEveryStore(page), needles), { timeout: 20_000 })
    .toEqual([]);

  await signInAsManager(page);
  const list = await page.request.get(`${server.origin}/api/staff/requests?channel=kiosk&per_page=100`);
  const items = ((await list.json()) as { items: { tracking: string }[] }).items;
  const details = await Promise.all(
    items.map(async (i): Promise<unknown> =>
      (await page.request.get(`${server.origin}/api/staff/requests/${i.tracking}`)).json(),
    ),
  );
  const mine = details.filter((d) => JSON.stringify(d).includes(person.sentence));
  expect(mine).toHaveLength(1);
  expect(JSON.stringify(mine[0])).toContain(person.name);
});
