/**
 * A server that refuses new requests for the rate limit (issue 15): its own
 * server allows one new request per address an hour; the citizen's first
 * request goes, the second is refused with 429, and the receipt says why in
 * plain words while the request stays on the phone, waiting to be sent.
 */
import { expect, test, type BrowserContext } from '@playwright/test';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { FormPage, HomePage } from './pages/citizen-pages';

let server: OwnServer;
let context: BrowserContext;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startOwnServer({ name: 'rate-limit', env: { SUBMIT_LIMIT: '1/60' } });
  context = await browser.newContext({ baseURL: server.origin });
});
test.afterAll(async () => {
  await context.close();
  await server.stop();
});

test('a request refused for too many from this connection waits on the phone, and the page says why', async () => {
  const page = await context.newPage();
  const home = new HomePage(page);
  await home.open();
  const file = async (description: string) => {
    // The service's own page: once a request is sent, home lists it as a "Pothole" link too.
    await page.goto('/services/pothole');
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(/\/drafts\//);
    const form = new FormPage(page);
    await form.fillPothole(description);
    await form.send();
  };
  await file('The first hole, which the server takes');
  await expect(page.getByText(/^CD-[2-9A-HJKMNP-Z]{8}$/)).toBeVisible({ timeout: 20_000 });

  await file('The second hole, over the limit');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your request is saved on this phone' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 waiting to send.' })).toContainText(
    'Too many requests are coming from your connection just now. Your request is safe on this phone and we will send it by ourselves later.',
    { timeout: 20_000 },
  );
  const waiting = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('civic-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const rows = await new Promise<{ last_error?: string }[]>((resolve, reject) => {
      const r = db.transaction('outbox').objectStore('outbox').getAll();
      r.onsuccess = () => resolve(r.result as never);
      r.onerror = () => reject(r.error ?? new Error('read failed'));
    });
    db.close();
    return rows.map((r) => r.last_error);
  });
  expect(waiting).toEqual(['rate_limited:429']);
});
