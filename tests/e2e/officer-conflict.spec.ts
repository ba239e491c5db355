/**
 * When the server moved on while the officer was offline (issue 12): an agent
 * resolves a request the officer is working on; the officer's note is kept,
 * their status change is refused with the reason, and the officer sees both
 * outcomes and what changed. Then the session runs out while offline: the
 * work waits on the device and goes, once, after signing in again. One
 * server, one signed-in browser for the file.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { OfficerServer, PASSWORD } from './fixtures/officer-server';
import { OfficerApp } from './pages/officer-app';

test.describe.configure({ mode: 'serial' });

let server: OfficerServer;
let context: BrowserContext;
let page: Page;
let app: OfficerApp;
let tracking: string;

test.beforeAll(async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL ?? '';
  server = await OfficerServer.start(baseURL, 'conflict');
  tracking = await server.assignedRequest('Market Road 4');
  await server.act(tracking, 'status', { to: 'in_progress', message: 'Crew booked' });
  context = await browser.newContext({ baseURL });
  page = await context.newPage();
  app = new OfficerApp(page);
  await page.goto('/officer');
  await app.signIn(server.officerEmail, PASSWORD);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
});

test.afterAll(async () => {
  await context.close();
  await server.close();
});

test('an agent resolves meanwhile: the note is kept, the status change refused with the reason, both shown', async () => {
  await app.openWorkItem(tracking);
  await context.setOffline(true);
  await app.addNote('Owner says the hole is back after the rain');
  await app.changeStatus('Resolved', 'Filled it myself');
  await server.act(tracking, 'status', { to: 'resolved', message: 'Fixed by the night crew' });

  await context.setOffline(false);
  await app.go('Sync', 'Sync');
  await app.sendNow();
  await expect(app.figure('waiting')).toHaveText('0');
  await expect(app.figure('sent')).toHaveText('1');
  await expect(app.figure('refused')).toHaveText('1');
  const refused = page.getByRole('region', { name: 'Refused by the server' });
  await expect(refused).toContainText(`Status of ${tracking} to Resolved`);
  await expect(refused).toContainText('Someone changed the status meanwhile');
  await expect(refused).toContainText('The request is now: Resolved.');
  const changed = page.getByRole('region', { name: 'Changed on the server meanwhile' });
  await expect(changed).toContainText('Fixed by the night crew');
  await expect(changed).toContainText('Desk Agent');

  const events = (await server.history(tracking)).filter(
    (e) => e.kind === 'note' || e.kind === 'status_changed',
  );
  expect(events.map((e) => [e.kind, e.status_to, e.message])).toEqual([
    ['status_changed', 'in_progress', 'Crew booked'],
    ['status_changed', 'resolved', 'Fixed by the night crew'],
    ['note', null, 'Owner says the hole is back after the rain'],
  ]);

  // On the request itself: what changed, until the officer marks it seen.
  await app.openWorkItem(tracking);
  const news = page.getByRole('region', { name: 'What changed on the server' });
  await expect(news).toContainText('Fixed by the night crew');
  await news.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(news).toBeHidden();
});

test('the session runs out offline: the visit waits, and goes once after signing in again', async () => {
  await context.setOffline(true);
  await app.logVisit({ place: 'Ward 9 clinic', asked: 'After the session ended' });
  await server.expireOfficerSession();
  await context.setOffline(false);
  await app.go('Sync', 'Sync');
  await app.sendNow();
  await expect(page.getByText('Your session has ended. Sign in again to send your work.')).toBeVisible();
  await expect(app.figure('waiting')).toHaveText('1');
  expect((await server.record()).visits.map((v) => v.asked)).not.toContain('After the session ended');

  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(
    page.getByText(
      'Your session has ended. Sign in again to send your work. Nothing on this device is lost.',
    ),
  ).toBeVisible();
  await app.signIn(server.officerEmail, PASSWORD);
  await app.go('Sync', 'Sync');
  await expect(app.figure('waiting')).toHaveText('0');
  const asked = (await server.record()).visits.map((v) => v.asked);
  expect(asked.filter((a) => a === 'After the session ended')).toHaveLength(1);
});
