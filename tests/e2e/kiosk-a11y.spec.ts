/**
 * Every kiosk screen in all eight languages passes axe and the 48×48 px
 * touch-target check, and works by keyboard alone with focus always visible.
 * One kiosk (one server, one browser context) walks every screen once per
 * language, as a reader of that language finds them: the welcome screen
 * (reached and used by Tab and Enter), each step of a form, the receipt and
 * the idle dialog (brought on by moving the page's clock past the kiosk's
 * warning time instead of waiting for it), each screen also on a 320 px
 * wide screen at 200% text with no word broken and nothing cut off (a kiosk
 * in portrait, or a person who zooms); a device that is not a kiosk,
 * its browser set to that language, shows the used-link and "not a kiosk"
 * pages in it too.
 */
import { expect, test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { LANGUAGES } from '../../src/core/lang';
import { expectFocusVisible, tabTo } from './pages/keyboard';
import { smallScreenProblems } from './pages/reflow';
import { expectKioskScreenOk } from './kiosk/checks';
import { KioskPage } from './kiosk/kiosk-page';
import { startKioskServer, type KioskServer } from './kiosk/server';
import { kioskStrings } from './kiosk/strings';

/** The kiosk's idle times: the defaults, so no scan is ever cut short by the dialog. */
const WARNING_S = 60;
const RESET_S = 90;

let server: KioskServer;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let kiosk: KioskPage;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startKioskServer({ warning: WARNING_S, reset: RESET_S });
  context = await browser.newContext();
  // The page's clock runs as usual until a test moves it on.
  await context.clock.install();
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  kiosk = new KioskPage(page);
  await kiosk.enrol(server.link);
});
test.afterAll(async () => {
  await context.close();
  await server.stop();
});

/** A field's accessible name starts with its label (an optional one ends "(optional)"). */
const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const h1 = (p: Page, name?: string) => p.getByRole('heading', { level: 1, ...(name ? { name } : {}) });

for (const lang of LANGUAGES) {
  test(`every kiosk screen in ${lang.code}: axe, 48 px targets, keyboard`, async ({ browser }) => {
    test.setTimeout(120_000);
    const s = kioskStrings(lang.code);
    const main = page.getByRole('main');
    const screen = async (heading: string, what: string) => {
      await expect(h1(page, heading)).toBeVisible({ timeout: 20_000 });
      await expectKioskScreenOk(page, `${what} (${lang.code})`);
      expect
        .soft(await smallScreenProblems(page, cdp), `reflow of ${what} (${lang.code}) at 320 px`)
        .toEqual([]);
    };
    const next = async (heading: string, what: string) => {
      await main.getByRole('button', { name: s.continue, exact: true }).click();
      await screen(heading, what);
    };

    await page.goto(`${server.origin}/kiosk`);
    await kiosk.welcome();
    // By keyboard: Tab to the language, Enter chooses it.
    const tile = page.getByRole('button', { name: lang.nativeName, exact: true });
    await tabTo(page, tile);
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
    await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
    await expect(tile).toHaveAttribute('aria-pressed', 'true');
    await screen(s.welcome, 'welcome');

    // A service by keyboard, then each step of its form.
    await tabTo(page, page.getByRole('button', { name: s.pothole, exact: true }), { maxTabs: 20 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/kiosk\/form\/[^/]+\/questions$/);
    await screen(s.steps.questions, 'form questions');
    await page.keyboard.press('Tab');
    await expectFocusVisible(page);
    // No way out: every link stays in the kiosk room.
    expect(
      await page.locator('a[href]:not([href^="/kiosk"]):not([href^="#"])').count(),
      'links out of the kiosk',
    ).toBe(0);
    // Each required question's first answer (pothole: the size and where it is).
    for (const group of await main.getByRole('group').all()) {
      const first = group.getByRole('radio').first();
      if ((await first.count()) > 0) await first.check();
    }
    await next(s.steps.details, 'form details');
    await main
      .getByRole('textbox', { name: labelled(s.description) })
      .fill('Lamp post leaning over the path');
    await next(s.steps.location, 'form location');
    await main.getByRole('textbox', { name: labelled(s.address) }).fill('Outside 12 Market Road');
    await next(s.steps.contact, 'form contact');
    // The browser neither offers the last person's details nor remembers these.
    const contactInputs = page.locator('main input:not([type=checkbox])');
    expect(await contactInputs.count(), 'name, phone and e-mail inputs').toBe(3);
    for (const input of await contactInputs.all()) await expect(input).toHaveAttribute('autocomplete', 'off');
    await main.getByRole('textbox', { name: labelled(s.name) }).fill('Test Person');
    await main.getByRole('textbox', { name: labelled(s.phone) }).fill('0800 000 000');
    await next(s.steps.check, 'check your answers');
    await main.getByRole('button', { name: s.send, exact: true }).click();
    await screen(s.receiptTitle, 'receipt');
    await expect(page.getByRole('img', { name: s.qr })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: s.print, exact: true }));

    // Hands off until the warning time (the clock moved on, not waited for).
    await page.clock.fastForward(WARNING_S * 1000);
    const dialog = page.getByRole('dialog', { name: s.idleTitle });
    await expect(dialog).toBeVisible();
    await expectKioskScreenOk(page, `idle dialog (${lang.code})`);
    await expect(dialog.getByRole('button', { name: s.stillHere })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: s.finish }).first().click();
    await kiosk.welcome();

    // A device that is not a kiosk, its browser in this language: the used link, then /kiosk itself.
    const otherContext = await browser.newContext({ locale: lang.code });
    const other = await otherContext.newPage();
    await other.goto(server.link);
    await expect(other.getByRole('alert')).toHaveText(s.enrolFailed);
    await expect(other.locator('html')).toHaveAttribute('lang', lang.code);
    await expectKioskScreenOk(other, `enrolment, used link (${lang.code})`);
    await other.goto(`${server.origin}/kiosk`);
    await expect(h1(other, s.notKioskTitle)).toBeVisible();
    await expectKioskScreenOk(other, `not a kiosk (${lang.code})`);
    await otherContext.close();
  });
}

test('the receipt’s link opens the request on the person’s own phone, without typing', async ({
  browser,
}) => {
  await page.goto(`${server.origin}/kiosk`);
  await kiosk.welcome();
  await kiosk.fillUpToContact({
    sentence: 'Lamp post leaning over the path',
    name: 'Test Person',
    phone: '0800 000 000',
  });
  await kiosk.continue('Check your answers');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(h1(page, 'Your request has been sent')).toBeVisible({ timeout: 20_000 });
  const tracking = (await page.locator('.kiosk-receipt__number').innerText()).trim();
  const printedCode = (await page.locator('.kiosk-receipt__code').innerText()).trim();
  expect(printedCode, 'the short access code, in two groups of four').toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4}$/);
  await page.getByRole('button', { name: 'Finish' }).first().click();
  await kiosk.welcome();

  const phone = await browser.newContext();
  const other = await phone.newPage();
  await other.goto(`${server.origin}/track?number=${tracking}#code=${encodeURIComponent(printedCode)}`);
  await expect(other.getByRole('heading', { level: 2, name: `Request ${tracking}` })).toBeVisible();
  await expect(other.getByLabel('Access code')).toHaveValue(printedCode);
  await phone.close();
});
