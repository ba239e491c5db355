/**
 * What every kiosk screen must pass: axe-core (WCAG 2.0–2.2 A and AA) and
 * touch targets of at least 48×48 CSS px (a kiosk is used standing, often by
 * people with shaky hands; radios and checkboxes count by their label).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const KIOSK_TARGET_PX = 48;

async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate(
    (px) =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a, button, input, select, textarea, summary, [role=button]',
        ),
      ]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return false;
          if (e.closest('dialog:not([open])')) return false;
          if (e instanceof HTMLInputElement && ['radio', 'checkbox', 'file'].includes(e.type)) {
            const label = e.labels?.[0]?.getBoundingClientRect();
            return !label || label.height < px;
          }
          return r.width < px || r.height < px;
        })
        .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
    min,
  );
}

export async function expectKioskScreenOk(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
  expect(await smallTargets(page, KIOSK_TARGET_PX), `touch targets under 48×48 px on ${what}`).toEqual([]);
}
