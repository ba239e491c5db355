/**
 * The catalog kept by managers, on the real server: a manager (signed in once
 * for the file) finds a service at /staff/catalog, renames it in the editor —
 * first leaving the name empty, which is named at its field with nothing else
 * typed lost — and saves version 2; a citizen's phone that had the catalog
 * shows the new name after its next sync; switched off, the service leaves
 * the phone's list. The list and the editor pass axe, with and without errors.
 * The service is this file's own (the e2e files share one server and its
 * catalog), and it ends switched off, so other files see the demo catalog.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { HomePage } from './pages/citizen-pages';
import { tabTo } from './pages/keyboard';
import { StaffDesk } from './pages/staff-desk';

test.describe.configure({ mode: 'serial' });

const SUFFIX = Date.now().toString(36);
const CODE = `e2e-bench-${SUFFIX}`;
const NAME = `Broken bench ${SUFFIX}`;
const RENAMED = `Broken park bench ${SUFFIX}`;
let staffContext: BrowserContext;
let desk: StaffDesk;
let citizenContext: BrowserContext;
let home: HomePage;

async function expectNoAxeViolations(p: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page: p })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe violations on ${what}`,
  ).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  ({ context: staffContext, desk } = await StaffDesk.signedIn(browser, 'manager'));
  // This file's service: the pothole's questions under a name of its own, added through the desk's API.
  const pothole = await staffContext.request.get('/api/staff/catalog/pothole');
  const { service } = (await pothole.json()) as { service: Record<string, unknown> };
  const added = await staffContext.request.post('/api/staff/catalog', {
    data: { service: { ...service, service_code: CODE, service_name: NAME, keywords: ['bench'], i18n: {} } },
  });
  expect(added.status()).toBe(201);
  citizenContext = await browser.newContext();
  home = new HomePage(await citizenContext.newPage());
});
test.afterAll(async () => {
  await citizenContext.close();
  await staffContext.close();
});

test('a citizen’s phone has the service in its catalog', async () => {
  await home.open();
  await expect(home.serviceLink(NAME)).toBeVisible();
});

test('a manager renames the service: an empty name is named at its field, then version 2 is saved', async () => {
  const p = desk.page;
  await p.getByRole('link', { name: 'Services' }).click();
  await expect(desk.heading('Services')).toBeVisible();
  const row = p.getByRole('row', { name: new RegExp(NAME) });
  await expect(row.getByRole('cell', { name: 'On', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  await expectNoAxeViolations(p, 'the list of services');

  await row.getByRole('link', { name: `Change ${NAME}` }).click();
  await expect(desk.heading(`Change ${NAME}`)).toBeVisible();
  await expectNoAxeViolations(p, 'the editor');
  const name = p.getByRole('textbox', { name: 'Name', exact: true });
  const level = p.getByRole('textbox', { name: /Service level in working days/ });
  await name.fill('');
  await level.fill('4');
  const save = p.getByRole('button', { name: 'Save changes' });
  await tabTo(p, save, { maxTabs: 80 });
  await p.keyboard.press('Enter');
  const summary = p.getByRole('alert');
  await expect(summary).toContainText('Enter a name in English, at most 200 characters.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(level).toHaveValue('4');
  await expectNoAxeViolations(p, 'the editor with an error');

  await name.fill(RENAMED);
  await save.click();
  await expect(desk.notice('Saved as version 2.')).toBeVisible();
  await expect(desk.heading(`Change ${RENAMED}`)).toBeVisible();
  await expect(p.getByRole('listitem').filter({ hasText: /^Version 2:/ })).toContainText('by ');
  await expect(level).toHaveValue('4');
});

test('the phone shows the new name after its next sync, and loses the service once it is switched off', async () => {
  const page = home.page;
  // Opening the app again is a sync: the catalog's ETag changed, so the phone gets a new catalog.
  const fresh = page.waitForResponse((r) => r.url().includes('/api/catalog?lang=en'));
  await page.reload();
  expect((await fresh).status()).toBe(200);
  await expect(home.serviceLink(RENAMED)).toBeVisible();
  await expect(home.serviceLink(NAME)).toHaveCount(0);

  const p = desk.page;
  await p.getByRole('link', { name: 'Back to the services' }).click();
  await p.getByRole('button', { name: `Switch off ${RENAMED}` }).click();
  await expect(desk.notice(`${RENAMED} is switched off.`)).toBeVisible();
  await expect(
    p.getByRole('row', { name: new RegExp(RENAMED) }).getByRole('cell', { name: 'Off', exact: true }),
  ).toBeVisible();

  await page.reload();
  await expect(home.serviceLink('Pothole')).toBeVisible();
  await expect(home.serviceLink(RENAMED)).toHaveCount(0);
});
