/**
 * Every kiosk screen in all eight languages passes axe and the 48×48 px
 * touch-target check, and works by keyboard alone with focus always visible:
 * the welcome screen (reached and used by Tab and Enter), each step of a
 * form, the receipt, the idle dialog, and the enrolment and "not a kiosk" pages.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LANGUAGES } from '../../src/core/lang';
import { expectFocusVisible, tabTo } from './pages/keyboard';
import { expectKioskScreenOk } from './kiosk/checks';
import { KioskPage } from './kiosk/kiosk-page';
import { startKioskServer, type KioskServer } from './kiosk/server';

let server: KioskServer;
let context: BrowserContext;
let page: Page;
let kiosk: KioskPage;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // Long enough for the scans of a screen, short enough to wait for the dialog once.
  server = await startKioskServer({ warning: 25, reset: 40 });
  context = await browser.newContext();
  page = await context.newPage();
  kiosk = new KioskPage(page);
  await kiosk.enrol(server.link);
});
test.afterAll(async () => {
  await context.close();
  await server.stop();
});

const h1 = () => page.getByRole('heading', { level: 1 });

for (const lang of LANGUAGES) {
  test(`every kiosk screen in ${lang.code}: axe, 48 px targets, keyboard`, async () => {
    test.setTimeout(120_000);
    await page.goto(`${server.origin}/kiosk`);
    await kiosk.welcome();
    // By keyboard: Tab to the language, Enter chooses it.
    const tile = page.getByRole('button', { name: lang.nativeName, exact: true });
    await tabTo(page, tile);
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
    await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
    await expect(tile).toHaveAttribute('aria-pressed', 'true');
    await expectKioskScreenOk(page, `welcome (${lang.code})`);

    // The first service by keyboard, then each step of its form.
    const service = page.getByRole('region').last().getByRole('button').first();
    await tabTo(page, service, { maxTabs: 20 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/kiosk\/form\/[^/]+\/questions$/);
    await expect(h1()).toBeVisible();
    await expectKioskScreenOk(page, `form questions (${lang.code})`);
    await page.keyboard.press('Tab');
    await expectFocusVisible(page);
    // No way out: every link stays in the kiosk room.
    expect(
      await page.locator('a[href]:not([href^="/kiosk"]):not([href^="#"])').count(),
      'links out of the kiosk',
    ).toBe(0);

    await page.locator('.kiosk-finish').click();
    await kiosk.welcome();
  });
}

test('the receipt, the idle dialog, enrolment and a device that is not a kiosk pass too', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  await page.goto(`${server.origin}/kiosk`);
  await kiosk.welcome();
  await kiosk.fillUpToContact({
    sentence: 'Lamp post leaning over the path',
    name: 'Test Person',
    phone: '0800 000 000',
  });
  await expectKioskScreenOk(page, 'form contact');
  // The browser neither offers the last person's details nor remembers these.
  const contactInputs = page.locator('main input:not([type=checkbox])');
  expect(await contactInputs.count(), 'name, phone and e-mail inputs').toBe(3);
  for (const input of await contactInputs.all()) await expect(input).toHaveAttribute('autocomplete', 'off');
  await kiosk.continue('Check your answers');
  await expectKioskScreenOk(page, 'check your answers');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    page.getByRole('img', { name: 'QR code that opens your request on your phone' }),
  ).toBeVisible();
  await expectKioskScreenOk(page, 'receipt');
  const tracking = (await page.locator('.kiosk-receipt__number').innerText()).trim();
  const printedCode = (await page.locator('.kiosk-receipt__code').innerText()).trim();
  expect(printedCode, 'the short access code, in two groups of four').toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4}$/);
  await tabTo(page, page.getByRole('button', { name: 'Print' }));

  // Hands off: the dialog after the kiosk's warning time.
  const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
  await expect(dialog).toBeVisible({ timeout: 40_000 });
  await expectKioskScreenOk(page, 'idle dialog');
  await expect(dialog.getByRole('button', { name: "Yes, I'm still here" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Finish' }).first().click();
  await kiosk.welcome();

  // The used link and a device without a kiosk credential.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(server.link);
  await expect(other.getByRole('alert')).toContainText('This link does not work any more');
  await expectKioskScreenOk(other, 'enrolment, used link');
  await other.goto(`${server.origin}/kiosk`);
  await expect(other.getByRole('heading', { level: 1, name: 'This device is not a kiosk' })).toBeVisible();
  await expectKioskScreenOk(other, 'not a kiosk');

  // The person's own phone, opening the receipt's link: the request, without typing.
  await other.goto(`${server.origin}/track?number=${tracking}#code=${encodeURIComponent(printedCode)}`);
  await expect(other.getByRole('heading', { level: 2, name: `Request ${tracking}` })).toBeVisible();
  await expect(other.getByLabel('Access code')).toHaveValue(printedCode);
  await otherContext.close();
});
