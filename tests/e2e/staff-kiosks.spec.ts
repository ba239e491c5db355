/**
 * Kiosks from the staff desk, on the real server: an administrator (signed
 * in once for the file) registers a kiosk at /staff/kiosks — first with
 * mistakes, which are named at their fields with nothing typed lost — and
 * gets its one-time link once; a second browser opens the link and becomes
 * a working kiosk with those settings, files a request, and the desk counts
 * it; revoking it in the desk (after a question) shows as revoked there and
 * on the device.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { KioskPage } from './kiosk/kiosk-page';
import { tabTo } from './pages/keyboard';
import { StaffDesk } from './pages/staff-desk';

test.describe.configure({ mode: 'serial' });

// A name no other spec file gives a kiosk: the server (and its database) is shared by the e2e files.
const NAME = 'Agege service centre';
let staffContext: BrowserContext;
let desk: StaffDesk;
let kioskContext: BrowserContext;
let link = '';

/** The form with its errors, the link and the revoke question are states no URL opens: scanned here. */
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
  ({ context: staffContext, desk } = await StaffDesk.signedIn(browser, 'admin'));
  kioskContext = await browser.newContext();
});
test.afterAll(async () => {
  await kioskContext.close();
  await staffContext.close();
});

test('an admin registers a kiosk: mistakes are named at their fields, then the link is shown once', async () => {
  const p = desk.page;
  await p.getByRole('link', { name: 'Kiosks' }).click();
  await expect(desk.heading('Kiosks')).toBeVisible();
  await p.getByRole('button', { name: 'Register a kiosk' }).click();
  const warning = p.getByRole('textbox', { name: /before “Are you still there\?”/ });
  const reset = p.getByRole('textbox', { name: /before the kiosk clears everything/ });
  await warning.fill('6o');
  await reset.fill('30');
  await p.getByRole('radio', { name: 'Only the services I tick' }).check();
  await p.getByRole('button', { name: 'Register the kiosk' }).click();
  const summary = p.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Enter a name of 1 to 100 characters');
  await expect(summary).toContainText('Enter a whole number of seconds from 3 to 3600');
  await expect(summary).toContainText('Tick at least one service, or choose every service');
  await expect(warning).toHaveValue('6o');
  await expect(warning).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(p, 'the kiosk form with errors');

  await p.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await warning.fill('60');
  await p.getByRole('button', { name: 'Register the kiosk' }).click();
  await expect(summary).toContainText(
    'The time before clearing must be longer than the time before the question',
  );
  await expect(reset).toHaveValue('30');
  await reset.fill('90');
  await p.getByRole('combobox', { name: 'Language after each person' }).selectOption({ label: 'English' });
  await p.getByRole('checkbox', { name: 'Pothole' }).check();
  await p.getByRole('checkbox', { name: 'Streetlight not working' }).check();
  await p.getByRole('button', { name: 'Register the kiosk' }).click();

  await expect(desk.notice(`Kiosk “${NAME}” registered.`)).toBeVisible();
  const panel = p.getByRole('region', { name: `Enrolment link for ${NAME}` });
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByRole('img', { name: `QR code of the enrolment link for ${NAME}` })).toBeVisible();
  await expectNoAxeViolations(p, 'the enrolment link');
  link = (await panel.getByRole('definition').innerText()).trim();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/kiosk\/enrol#[A-Za-z0-9_-]{22}$/);
  await panel.getByRole('button', { name: 'Hide the link' }).click();
  await expect(panel).toBeHidden();
  // Once only: the list never shows the link again, only until when it works.
  const row = p.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toContainText('Waiting for its device');
  await expect(row).toContainText('Its link works until');
  await expect(row).toContainText('Asks after 60 s, clears after 90 s; English; 2 services');
  await expect(p.getByText(link)).toHaveCount(0);
});

test('the link makes another browser a working kiosk with those settings, and the desk sees it', async () => {
  test.setTimeout(120_000);
  const kioskPage = await kioskContext.newPage();
  const kiosk = new KioskPage(kioskPage);
  await kiosk.enrol(link, NAME);
  const services = kioskPage.getByRole('region').last().getByRole('button');
  // In the order the admin ticked them.
  await expect(services).toHaveText(['Pothole', 'Streetlight not working']);
  await kiosk.fillUpToContact({
    sentence: 'Hole by the desk kiosk test',
    name: 'Ada',
    phone: '0800 000 001',
  });
  await kiosk.continue('Check your answers');
  await kioskPage.getByRole('button', { name: 'Send request' }).click();
  await expect(kioskPage.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({
    timeout: 20_000,
  });
  await kioskPage.getByRole('button', { name: 'Finish' }).first().click();
  await kiosk.welcome();

  await desk.page.reload();
  const row = desk.page.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toContainText('In use');
  await expect(row).toContainText('1 request');
  await expect(row).not.toContainText('Not yet');
});

test('revoking in the desk asks first, then shows the kiosk revoked there and on the device', async () => {
  const p = desk.page;
  const row = p.getByRole('row', { name: new RegExp(NAME) });
  await row.getByRole('button', { name: `Revoke ${NAME}` }).click();
  const question = p.getByRole('region', { name: `Revoke the kiosk ${NAME}?` });
  await expect(question.getByRole('heading', { level: 2 })).toBeFocused();
  await expectNoAxeViolations(p, 'the revoke question');
  // By keyboard: Tab to Cancel, Enter.
  await tabTo(p, question.getByRole('button', { name: 'Cancel' }));
  await p.keyboard.press('Enter');
  await expect(row).toContainText('In use');
  await row.getByRole('button', { name: `Revoke ${NAME}` }).click();
  await question.getByRole('button', { name: 'Yes, revoke it' }).click();
  await expect(desk.notice(`Kiosk “${NAME}” revoked.`)).toBeVisible();
  await expect(row).toContainText('Revoked on');
  await expect(row.getByRole('button')).toHaveCount(0);

  const kioskPage = kioskContext.pages()[0];
  if (!kioskPage) throw new Error('the kiosk page is gone');
  // The next start of the welcome screen asks the server, which says the kiosk is revoked.
  await kioskPage.reload();
  await expect(
    kioskPage.getByRole('heading', { level: 1, name: 'This kiosk is out of service' }),
  ).toBeVisible();
});
