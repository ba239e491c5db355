/**
 * Reflow: every page of src/routes/paths.ts, in every language, on a 320 px
 * wide phone at the app's largest text setting and at 200% browser text. No
 * word may be broken in the middle across two lines, the page may not scroll
 * sideways and no box may cut its text (WCAG 1.4.10, and what a person with
 * poor eyesight needs to read the words at all). Then, on a 360×640 phone,
 * the header leaves room: the page's heading is on the first screen at every
 * text size, and at normal text its first action is too.
 *
 * One browser context per language; its draft and sent request are made
 * through the app first, as in the accessibility test.
 */
import { test, expect, type Page } from '@playwright/test';
import { ROUTES } from '../../src/routes/paths';
import { LANGUAGES } from '../../src/core/lang';
import { fillExample, makeExampleData } from './fixtures/example-data';
import {
  BROWSER_200,
  LARGEST_SETTING,
  NORMAL_TEXT,
  openAllDetails,
  reflowProblems,
  useTextSize,
} from './pages/reflow';

/** Opens a page and waits until what it shows from the device is on screen. */
async function open(page: Page, url: string, lang: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  // Home lists the services from IndexedDB after its heading: measure them, not the moment before.
  if (url === '/') await expect(page.locator('main a[href^="/services/"]').first()).toBeVisible();
}

/** How far below the top of the first screen the heading and the first control after it end. */
async function firstScreen(page: Page): Promise<{ heading: number; action: number; what: string }> {
  return page.evaluate(() => {
    const h1 = document.querySelector('main h1');
    if (!h1) throw new Error('no h1');
    const controls = [
      ...document.querySelectorAll<HTMLElement>('main a, main button, main input, main summary'),
    ];
    const first = controls.find(
      (c) =>
        h1.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING &&
        c.checkVisibility() &&
        c.getBoundingClientRect().height > 2,
    );
    const bottom = (e: Element) => e.getBoundingClientRect().bottom + window.scrollY;
    return {
      heading: bottom(h1),
      action: first ? bottom(first) : 0,
      what: first
        ? `${first.tagName.toLowerCase()} "${(first.textContent ?? '').trim().slice(0, 40)}"`
        : 'none',
    };
  });
}

// The desk's pages need a signed-in staff member: tests/e2e/staff-a11y.spec.ts walks them.
const urls = ROUTES.filter((r) => !('room' in r)).flatMap((r) => r.examples);

for (const lang of LANGUAGES) {
  test(`every page reflows at 320 px with large text in ${lang.code}`, async ({ page, context }) => {
    test.setTimeout(180_000);
    const setup = await context.newPage();
    const data = await makeExampleData(setup);
    await setup.close();
    await page.addInitScript((code) => localStorage.setItem('civic.lang', code), lang.code);
    const cdp = await context.newCDPSession(page);
    await page.goto('/');

    await page.setViewportSize({ width: 320, height: 640 });
    for (const size of [LARGEST_SETTING, BROWSER_200]) {
      await useTextSize(page, cdp, size);
      for (const example of urls) {
        const url = fillExample(example, data);
        await test.step(`${size.name}: ${example}`, async () => {
          await open(page, url, lang.code);
          await openAllDetails(page);
          expect.soft(await reflowProblems(page), `${url} at 320 px, ${size.name}, ${lang.code}`).toEqual([]);
        });
      }
    }

    await page.setViewportSize({ width: 360, height: 640 });
    for (const size of [NORMAL_TEXT, LARGEST_SETTING, BROWSER_200]) {
      await useTextSize(page, cdp, size);
      for (const example of urls) {
        const url = fillExample(example, data);
        await test.step(`first screen, ${size.name}: ${example}`, async () => {
          await open(page, url, lang.code);
          const seen = await firstScreen(page);
          const where = `${url} at 360×640, ${size.name}, ${lang.code}`;
          expect
            .soft(seen.heading, `the heading ends below the first screen on ${where}`)
            .toBeLessThanOrEqual(640);
          // At normal text the first thing to do is on the first screen too; at large
          // text a page's own words before it (a service's description) may push it lower.
          if (size === NORMAL_TEXT) {
            expect
              .soft(seen.action, `the first action (${seen.what}) is below the first screen on ${where}`)
              .toBeLessThanOrEqual(640);
          }
        });
      }
    }
  });
}
