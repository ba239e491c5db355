/**
 * Updates (issue 4): when a new version of the service worker is waiting, the
 * app says so and reloads only when the person agrees; a draft in progress
 * survives the update. The new version is the built sw.js with a comment
 * added (any byte difference makes a new version), so nothing is rebuilt;
 * see pages/next-version.ts for why it comes through a proxy.
 */
import { test as base, expect, type CDPSession, type Page } from '@playwright/test';
import { HomePage } from './pages/citizen-pages';
import { NextVersionServer } from './pages/next-version';

const test = base.extend<{ release: () => void }, { nextVersion: NextVersionServer }>({
  nextVersion: [
    async ({}, use, workerInfo) => {
      const server = await NextVersionServer.start(workerInfo.project.use.baseURL ?? '');
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ nextVersion }, use) => use(nextVersion.url),
  release: async ({ nextVersion }, use) => use(() => nextVersion.release()),
});

interface WorkerVersion {
  versionId: string;
  status: string;
}

/** The origin's service-worker versions as Chromium reports them: installing, installed (= waiting), activated, redundant. */
async function watchVersions(cdp: CDPSession): Promise<Map<string, WorkerVersion>> {
  const versions = new Map<string, WorkerVersion>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: WorkerVersion[] }) => {
    for (const v of e.versions) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  return versions;
}

function withStatus(versions: Map<string, WorkerVersion>, status: string): string[] {
  return [...versions.values()].filter((v) => v.status === status).map((v) => v.versionId);
}

/** Set on the page's window: gone after any reload. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { beforeUpdate?: boolean }).beforeUpdate = true;
  });
}

async function windowMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate === true);
}

/** What the app would do on its own schedule: ask the browser to look for a new worker. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

test('a waiting version is offered, applied only when the person agrees, and the draft survives', async ({
  page,
  context,
  nextVersion,
  release,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.waitForOfflineReady();
  const cdp = await context.newCDPSession(page);
  const versions = await watchVersions(cdp);
  await expect.poll(() => withStatus(versions, 'activated')).toHaveLength(1);
  const [first = ''] = withStatus(versions, 'activated');

  // A draft in progress, saved on the phone.
  const form = await home.startRequest('Pothole');
  await form.choose('How big is the hole?', 'Smaller than a plate');
  await form.choose('Where is it?', 'On the road');
  await form.continue('Tell us more');
  const description = form.textbox(/Describe what you need/);
  const typed = 'Deep hole by the bus stop, getting bigger';
  await description.fill(typed);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeAttached();

  // A new version is released and the browser finds it.
  release();
  await markWindow(page);
  await checkForUpdate(page);

  const banner = page.getByRole('status').filter({ hasText: 'A new version of Civic Desk is ready.' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Update now' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Later' })).toBeVisible();
  expect(nextVersion.servedNext).toBeGreaterThan(0);
  // It waits: the old version still controls this page, which has not reloaded by itself.
  await expect.poll(() => withStatus(versions, 'installed')).toHaveLength(1);
  const [next = ''] = withStatus(versions, 'installed');
  expect(versions.get(first)?.status).toBe('activated');
  expect(await windowMarked(page)).toBe(true);
  await expect(description).toHaveValue(typed);

  // Update now, with the keyboard: the page reloads under the new version.
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Update now' }).focus();
  await page.keyboard.press('Enter');
  await reloaded;
  expect(await windowMarked(page)).toBe(false);
  await expect.poll(() => versions.get(next)?.status).toBe('activated');
  await expect.poll(() => versions.get(first)?.status).toBe('redundant');
  // The old version is gone, so the worker controlling the reloaded page is the new one.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(banner).toBeHidden();

  // The draft is all there: on the page the person was on, and from the home page's list.
  await expect(form.heading('Tell us more')).toBeVisible();
  await expect(description).toHaveValue(typed);
  await home.open();
  await home.drafts().getByRole('link', { name: 'Continue: Pothole' }).click();
  await expect(form.heading('Tell us more')).toBeVisible();
  await expect(description).toHaveValue(typed);
});

test('Later keeps the old version until the app is opened again; words typed just before Update now are kept', async ({
  page,
  context,
  release,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.waitForOfflineReady();
  const versions = await watchVersions(await context.newCDPSession(page));
  await expect.poll(() => withStatus(versions, 'activated')).toHaveLength(1);
  const [first = ''] = withStatus(versions, 'activated');
  const form = await home.startRequest('Pothole');
  await form.choose('How big is the hole?', 'Smaller than a plate');
  await form.choose('Where is it?', 'On the road');
  await form.continue('Tell us more');

  release();
  await markWindow(page);
  await checkForUpdate(page);
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Civic Desk is ready.' });
  const later = banner.getByRole('button', { name: 'Later' });
  await expect(later).toBeVisible();
  await later.focus();
  await page.keyboard.press('Enter');
  await expect(banner).toBeHidden();
  expect(await windowMarked(page)).toBe(true);
  await expect.poll(() => withStatus(versions, 'installed')).toHaveLength(1);
  expect(versions.get(first)?.status).toBe('activated');

  // Opened again later: still the old version, and the offer is made again.
  await page.reload();
  await expect(form.heading('Tell us more')).toBeVisible();
  await expect(banner).toBeVisible();
  expect(versions.get(first)?.status).toBe('activated');

  // Typing, then Update now at once, before the autosave delay has passed.
  const description = form.textbox(/Describe what you need/);
  const typed = 'Typed just before updating';
  await description.fill(typed);
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Update now' }).focus();
  await page.keyboard.press('Enter');
  await reloaded;
  await expect.poll(() => versions.get(first)?.status).toBe('redundant');
  await expect(form.heading('Tell us more')).toBeVisible();
  await expect(description).toHaveValue(typed);
});
