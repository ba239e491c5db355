/**
 * A request made with no network waits on the phone, survives a reload while
 * still offline, and is delivered exactly once when the network returns —
 * with Background Sync, and without it (iOS Safari, Firefox), where the page
 * itself sends on 'online'.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { CitizenApp } from './pages/citizen-app';
import { SyncTraffic, deviceMeta, serverRequest } from './pages/sync-traffic';

async function fileOffline(page: Page, context: BrowserContext, description: string) {
  const app = new CitizenApp(page);
  await app.open();
  await context.setOffline(true);
  const form = await app.startRequest('Pothole');
  await form.fillPothole({ description });
  const receipt = await form.send();
  await expect(receipt.waiting()).toBeVisible();
  await expect(page.getByText(/^L-[0-9A-F]{4}$/)).toBeVisible();
  return receipt;
}

test('offline submit survives a reload and is delivered exactly once when back online', async ({
  page,
  context,
  request,
}) => {
  const traffic = await SyncTraffic.attach(context);
  const receipt = await fileOffline(page, context, 'Deep hole, offline test');
  const id = receipt.requestId();

  await page.reload();
  await expect(receipt.waiting()).toBeVisible();
  await expect(receipt.waitingCount(1)).toBeVisible();
  expect(traffic.posts).toBe(0);

  await context.setOffline(false);
  const { tracking, token } = await receipt.receipt();
  expect(traffic.timesSent(id)).toBe(1);
  expect(traffic.acceptedTrackings(id)).toEqual([tracking]);

  const onServer = await serverRequest(request, tracking, token);
  expect(onServer.status).toBe(200);
  expect(onServer.body['tracking']).toBe(tracking);
  // After sending, the flush pulls changes for the tokens it holds and keeps the server's cursor.
  await expect.poll(() => deviceMeta(page, 'syncCursor')).toMatch(/^\d+$/);
});

test('without Background Sync the page still delivers when the network returns', async ({
  page,
  context,
  request,
}) => {
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w['SyncManager'];
    if ('ServiceWorkerRegistration' in window) {
      delete (ServiceWorkerRegistration.prototype as unknown as Record<string, unknown>)['sync'];
    }
  });
  const traffic = await SyncTraffic.attach(context);
  const receipt = await fileOffline(page, context, 'Pothole, no background sync');
  expect(await page.evaluate(() => 'SyncManager' in window)).toBe(false);

  await context.setOffline(false);
  const { tracking, token } = await receipt.receipt();
  const id = receipt.requestId();
  expect(traffic.timesSent(id)).toBe(1);
  // Nothing registered a sync tag, so it was the page that sent it.
  expect(traffic.delivered.every((d) => !d.fromWorker)).toBe(true);
  expect((await serverRequest(request, tracking, token)).status).toBe(200);
});
