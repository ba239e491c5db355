/**
 * Every officer page, signed in, passes axe-core (WCAG 2.0–2.2 A and AA) with
 * touch targets of at least 44×44 px, and every control on it is reached by
 * Tab with focus visible, and on a 320 px phone at 200% text and at the
 * largest text setting no word is broken and nothing cut off — in all eight
 * languages. The visit form is also
 * checked with its errors shown and with the request part open. Then a visit
 * is logged by keyboard alone. One server, one signed-in browser for the file.
 */
import { test, expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LANGUAGES } from '../../src/core/lang';
import { OfficerServer, PASSWORD } from './fixtures/officer-server';
import { expectFocusVisible, tabTo } from './pages/keyboard';
import { OfficerApp } from './pages/officer-app';
import { openAllDetails, smallScreenProblems } from './pages/reflow';

test.describe.configure({ mode: 'serial' });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let server: OfficerServer;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let app: OfficerApp;
let tracking: string;
let filed: string;

test.beforeAll(async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL ?? '';
  server = await OfficerServer.start(baseURL, 'a11y');
  tracking = await server.assignedRequest('Market Road 4');
  await server.act(tracking, 'notes', { text: 'Bring the ladder' });
  context = await browser.newContext({ baseURL });
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  app = new OfficerApp(page);
  await page.goto('/officer');
  await app.signIn(server.officerEmail, PASSWORD);
  await app.logVisit({ place: 'Ward 2 market', asked: 'A pothole by the gate', pothole: {} });
  filed = new URL(page.url()).pathname;
  await expect(page.getByText(/^CD-/)).toBeVisible();
  // The code the person writes down is the short one, in two groups of four (the QR code has the long one).
  await expect(page.locator('.officer-code')).toHaveText(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/);
  await app.go('Sync', 'Sync');
  await expect(app.figure('waiting')).toHaveText('0');
});

test.afterAll(async () => {
  await context.close();
  await server.close();
});

async function smallTargets(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a, button, input, select, textarea, summary, [role=button]')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return false;
        if (e.tagName === 'A' && e.closest('p')) return false;
        if (e instanceof HTMLInputElement && ['radio', 'checkbox', 'file'].includes(e.type)) {
          const label = e.labels?.[0]?.getBoundingClientRect();
          return !label || label.height < 44;
        }
        return r.width < 44 || r.height < 44;
      })
      .map((e) => `${e.tagName.toLowerCase()}#${e.id} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
  );
}

async function check(where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${where}`,
  ).toEqual([]);
  expect(await smallTargets(), `touch targets on ${where}`).toEqual([]);
  await openAllDetails(page);
  expect
    .soft(await smallScreenProblems(page, cdp, { appSetting: true }), `reflow of ${where} at 320 px`)
    .toEqual([]);
  // Every control of the page, by Tab from the top, focus visible at each step.
  const controls = page
    .locator('main')
    .locator('a[href], button:not([disabled]), input:not([disabled]), select, textarea');
  const last = controls.last();
  await page.locator('body').focus();
  await tabTo(page, last, { maxTabs: (await controls.count()) + 30 });
}

for (const lang of LANGUAGES) {
  test(`officer pages pass axe and the keyboard check in ${lang.code}`, async () => {
    test.setTimeout(240_000);
    await page.evaluate((code) => localStorage.setItem('civic.lang', code), lang.code);
    for (const url of [
      '/officer',
      '/officer/visit',
      filed,
      '/officer/work',
      `/officer/work/${tracking}`,
      '/officer/sync',
      '/officer/sign-in',
    ]) {
      await test.step(url, async () => {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
        await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
        await check(url);
      });
    }
    await test.step('visit form with its errors and the request part', async () => {
      await page.goto('/officer/visit');
      await page.locator('#visit-file-request').check();
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.error-summary, [role=alert]').first()).toBeVisible();
      await check('/officer/visit with errors');
    });
  });
}

test('a visit logged by keyboard alone', async () => {
  await page.evaluate(() => localStorage.setItem('civic.lang', 'en'));
  await page.goto('/officer/visit');
  await tabTo(page, page.getByRole('textbox', { name: /Address or place name/ }));
  await page.keyboard.type('Ward 7 well');
  await tabTo(page, page.getByRole('textbox', { name: 'What they asked' }));
  await page.keyboard.type('The well cover is broken');
  await tabTo(page, page.getByRole('radio', { name: 'Solved on the spot' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Solved on the spot' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Save visit' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Visit saved on this device.')).toBeFocused();
  await expectFocusVisible(page);
});
