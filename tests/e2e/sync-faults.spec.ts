/**
 * Sending through trouble: a server that fails twice, a refusal, a batch the
 * server cannot read, and two tabs flushing at once. Faults are injected at
 * the browser context, which the service worker's requests pass through too.
 */
import { test, expect } from '@playwright/test';
import { CitizenApp, POTHOLE } from './pages/citizen-app';
import { SyncTraffic, serverRequest } from './pages/sync-traffic';

test('the server answers 500 twice, then 200: the request is delivered once', async ({
  page,
  context,
  request,
}) => {
  const traffic = await SyncTraffic.attach(context);
  traffic.failNext = [500, 500];
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest(POTHOLE.service);
  await form.fillPothole({ description: 'Pothole, server trouble' });
  const receipt = await form.send();
  const { tracking, token } = await receipt.receipt();
  const id = receipt.requestId();

  expect(traffic.posts).toBeGreaterThanOrEqual(3);
  expect(traffic.timesSent(id)).toBe(1);
  expect(traffic.acceptedTrackings(id)).toEqual([tracking]);
  expect((await serverRequest(request, tracking, token)).status).toBe(200);
});

test('a refused request comes back as a draft with everything typed', async ({ page, context }) => {
  const traffic = await SyncTraffic.attach(context);
  // The real server refuses an event for a service it does not offer.
  traffic.tamper = (events) => {
    for (const e of events) {
      const fields = e['request'] as Record<string, unknown> | undefined;
      if (e['type'] === 'create_request' && fields) fields['service_code'] = 'no-such-service';
    }
  };
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest(POTHOLE.service);
  await form.fillPothole({ description: 'Refused but not lost' });
  const receipt = await form.send();
  await expect(receipt.returned()).toBeVisible({ timeout: 30_000 });

  traffic.tamper = undefined;
  await page.getByRole('link', { name: 'Change your request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(page.getByText('The council sent this request back.')).toBeVisible();
  await expect(page.getByText('Refused but not lost')).toBeVisible();
  await expect(page.getByText(POTHOLE.answers[0].answer)).toBeVisible();
});

test('a batch the server cannot read stays waiting, and Send now delivers it later', async ({
  page,
  context,
}) => {
  const traffic = await SyncTraffic.attach(context);
  // Every automatic attempt (the page's and the service worker's) is refused
  // until the person presses Send now, so the waiting state is there to see.
  traffic.failNext = Array<number>(1000).fill(400);
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest(POTHOLE.service);
  await form.fillPothole({ description: 'Kept through a 400' });
  const receipt = await form.send();
  await expect(receipt.waitingCount(1)).toBeVisible();
  await expect(page.getByText('We could not send yet. We will try again soon.')).toBeVisible();
  expect(traffic.posts).toBeGreaterThan(0);
  expect(traffic.timesSent(receipt.requestId())).toBe(0);

  traffic.failNext = [];
  await receipt.sendNow();
  await receipt.receipt();
  expect(traffic.timesSent(receipt.requestId())).toBe(1);
});

test('two tabs open: each request is delivered once', async ({ context, request }) => {
  const traffic = await SyncTraffic.attach(context);
  const tabs = [await context.newPage(), await context.newPage()];
  const apps = tabs.map((p) => new CitizenApp(p));
  for (const app of apps) await app.open();
  await context.setOffline(true);
  const receipts = [];
  for (const [i, app] of apps.entries()) {
    const form = await app.startRequest(POTHOLE.service);
    await form.fillPothole({ description: `Two tabs, request ${i + 1}` });
    receipts.push(await form.send());
  }
  await context.setOffline(false);
  for (const receipt of receipts) {
    const { tracking, token } = await receipt.receipt();
    const id = receipt.requestId();
    expect(traffic.timesSent(id)).toBe(1);
    expect(traffic.acceptedTrackings(id)).toEqual([tracking]);
    expect((await serverRequest(request, tracking, token)).status).toBe(200);
  }
});
