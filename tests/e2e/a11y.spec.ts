/**
 * Every page in every language passes an axe-core scan (WCAG 2.0, 2.1, 2.2 A
 * and AA) and has touch targets of at least 44×44 px. Pages come from
 * src/routes/paths.ts, so a new page is scanned without anyone adding it here.
 * Examples with placeholders ({draft}, {request}) are filled from data the
 * test makes first through the app.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ROUTES } from '../../src/routes/paths';
import { LANGUAGES } from '../../src/core/lang';
import { fillExample, makeExampleData } from './fixtures/example-data';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function scan(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${url}`).toEqual([]);
  expect(await smallTargets(page), `touch targets under 44×44 px on ${url}`).toEqual([]);
}

/**
 * Controls smaller than 44×44 CSS px. Links inside running text are exempt
 * (WCAG 2.5.8); a radio, checkbox or file input counts by its label, which is
 * what a finger presses.
 */
async function smallTargets(page: Page): Promise<string[]> {
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
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
  );
}

for (const lang of LANGUAGES) {
  test(`every page passes axe in ${lang.code}`, async ({ page, context }) => {
    test.setTimeout(240_000);
    const setup = await context.newPage();
    const data = await makeExampleData(setup);
    await setup.close();
    await page.addInitScript((code) => localStorage.setItem('civic.lang', code), lang.code);
    // The desk's pages need a session: tests/e2e/staff-a11y.spec.ts walks them.
    for (const route of ROUTES.filter((r) => !('room' in r))) {
      for (const example of route.examples) {
        await test.step(`${route.id}: ${example}`, async () => {
          await scan(page, fillExample(example, data));
          await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
          await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
        });
      }
    }
  });
}
