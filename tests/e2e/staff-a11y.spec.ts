/**
 * Every staff desk page (the `room: 'staff'` entries of src/routes/paths.ts)
 * in every language, signed in once for the file as an administrator (who
 * sees every control): axe-core with no WCAG 2.x A/AA violations, touch
 * targets of at least 44×44 px, the page in the chosen language; the queue
 * and a request at a desk's 1280×800 and a phone's 360×640 without sideways
 * scrolling; every page on a 320 px phone at 200% text and at the largest text
 * setting with no word broken, nothing cut off (tests/e2e/pages/reflow.ts); and the work done by keyboard alone with focus always visible.
 */
import { test, expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LANGUAGES } from '../../src/core/lang';
import { uuidv7 } from '../../src/core/ids';
import { ROUTES } from '../../src/routes/paths';
import { tabTo } from './pages/keyboard';
import { openAllDetails, smallScreenProblems } from './pages/reflow';
import { StaffDesk } from './pages/staff-desk';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const STAFF_PAGES = ROUTES.filter((r) => 'room' in r);

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let tracking = '';

test.beforeAll(async ({ browser }) => {
  ({
    context,
    desk: { page },
  } = await StaffDesk.signedIn(browser, 'admin'));
  cdp = await context.newCDPSession(page);
  // A request to show (taken by phone, in French) and a template to pick, through the desk's own API.
  const res = await context.request.post('/api/staff/intake', {
    data: {
      id: uuidv7(),
      channel: 'phone',
      request: {
        service_code: 'pothole',
        attributes: { size: 'large', location: 'road' },
        description: 'Trou profond devant le marché',
        location: { address_string: 'Rue du Marché 4', lat: 7.3964, long: 3.9167 },
        contact: { name: 'Awa', phone: '+234 801 000 2222', consent_updates: true },
        language: 'fr',
      },
    },
  });
  expect(res.status()).toBe(201);
  tracking = ((await res.json()) as { receipt: { tracking: string } }).receipt.tracking;
  const tpl = await context.request.post('/api/staff/templates', {
    data: {
      service_code: null,
      status: 'acknowledged',
      name: 'Received',
      texts: { en: 'We have it, {tracking}.' },
    },
  });
  expect(tpl.status()).toBe(201);
  // Kiosks for the admins' kiosk page: one waiting for its device, one revoked.
  for (const name of ['Ikeja service centre', 'Ojota library']) {
    const k = await context.request.post('/api/staff/kiosks', {
      data: {
        name,
        settings: { idle_warning_s: 60, idle_reset_s: 90, default_language: 'yo', services: ['pothole'] },
      },
    });
    expect(k.status()).toBe(201);
    if (name === 'Ojota library') {
      const { kiosk } = (await k.json()) as { kiosk: { id: string } };
      expect(
        (await context.request.post(`/api/staff/kiosks/${kiosk.id}/revoke`, { data: {} })).status(),
      ).toBe(200);
    }
  }
});
test.afterAll(() => context.close());

async function smallTargets(p: Page): Promise<string[]> {
  return p.evaluate(() =>
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
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
  );
}

async function scan(url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Wait for the page's own data, so the scan sees the page people use, not its loading line.
  await expect(page.getByText(/…$/)).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${url}`).toEqual([]);
  expect(await smallTargets(page), `touch targets under 44×44 px on ${url}`).toEqual([]);
}

for (const lang of LANGUAGES) {
  test(`every staff page passes axe in ${lang.code}`, async () => {
    test.setTimeout(120_000);
    await page.goto('/staff');
    await page.evaluate((code) => localStorage.setItem('civic.lang', code), lang.code);
    for (const route of STAFF_PAGES)
      for (const example of route.examples) {
        const url = example.replace('{staffRequest}', tracking);
        await test.step(`${route.id}: ${url}`, async () => {
          await scan(url);
          await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
          await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
          if (lang.code !== 'en')
            await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Requests');
          await openAllDetails(page);
          expect
            .soft(await smallScreenProblems(page, cdp, { appSetting: true }), `reflow of ${url} at 320 px`)
            .toEqual([]);
        });
      }
  });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 360, height: 640 },
]) {
  test(`the queue, a request and the figures fit ${size.width}×${size.height} without sideways scrolling`, async () => {
    await page.setViewportSize(size);
    await page.evaluate(() => localStorage.setItem('civic.lang', 'en'));
    for (const url of ['/staff?tab=all', `/staff/requests/${tracking}`, '/staff/dashboard']) {
      await scan(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });
}

test('a request is found, opened and worked on by keyboard alone, focus always visible', async () => {
  await page.evaluate(() => localStorage.setItem('civic.lang', 'en'));
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
  await tabTo(page, page.getByText('Filter and search'), { maxTabs: 30 });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('searchbox', { name: 'Tracking number' }));
  await page.keyboard.type(tracking);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${tracking}`));
  await tabTo(page, page.getByRole('link', { name: tracking, exact: true }), { maxTabs: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(tracking) })).toBeFocused();
  const ack = page.getByRole('region', { name: 'Acknowledge', exact: true });
  await tabTo(page, ack.getByRole('combobox', { name: 'Start from a template' }), { maxTabs: 60 });
  await page.keyboard.press('ArrowDown');
  await expect(ack.getByRole('textbox', { name: /Public message/ })).toHaveValue(`We have it, ${tracking}.`);
  await tabTo(page, ack.getByRole('button', { name: 'Acknowledge and tell the person' }), { maxTabs: 10 });
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Acknowledged. The person has been told.' }),
  ).toBeVisible();
  const note = page.getByRole('region', { name: 'Note', exact: true });
  await tabTo(page, note.getByRole('textbox', { name: 'Note for staff' }), { maxTabs: 60 });
  await page.keyboard.type('Called back; she will send a photo.');
  await tabTo(page, note.getByRole('button', { name: 'Add note' }), { maxTabs: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note added.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Called back; she will send a photo.',
  );
});

test('the figures are chosen, a table opened and its CSV downloaded by keyboard alone', async () => {
  await page.evaluate(() => localStorage.setItem('civic.lang', 'en'));
  await page.goto('/staff/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
  await expect(page.getByText(/…$/)).toHaveCount(0);
  await tabTo(page, page.getByRole('combobox', { name: 'Period' }), { maxTabs: 30 });
  await page.keyboard.press('ArrowDown'); // "Last month"
  await tabTo(page, page.getByRole('combobox', { name: 'Split the figures by' }), { maxTabs: 10 });
  await page.keyboard.press('ArrowDown'); // "Language"
  await tabTo(page, page.getByRole('button', { name: 'Show figures' }), { maxTabs: 10 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/period=last-month/);
  await expect(page).toHaveURL(/segment=language/);
  const segments = page.getByRole('region', { name: 'Figures by Language' });
  await expect(segments).toBeVisible();
  await tabTo(page, segments.getByText('Show the table of “Figures by Language”'), { maxTabs: 60 });
  await page.keyboard.press('Enter');
  await expect(segments.getByRole('table', { name: 'Figures by Language' })).toBeVisible();
  const open = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(open.violations.map((v) => v.id)).toEqual([]);
  // The wide table scrolls in its own box, reachable by Tab; then its download.
  await tabTo(page, segments.getByRole('region', { name: 'Figures by Language' }), { maxTabs: 5 });
  await tabTo(page, segments.getByRole('button', { name: /Download CSV/ }), { maxTabs: 5 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('by-language.csv');
});
