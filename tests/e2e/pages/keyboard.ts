/**
 * Moving through the app with the keyboard alone, as a person without a
 * mouse does: Tab (or Shift+Tab) until a control is reached, checking after
 * every step that focus can be seen — a ring (outline or box-shadow) on the
 * focused element, inside the viewport.
 */
import { expect, type Locator, type Page } from '@playwright/test';

interface FocusReport {
  /** A short description of the focused element, for failure messages. */
  readonly what: string;
  /** Nothing is focused (Tab went past the last control, out of the page). */
  readonly none: boolean;
  readonly ring: boolean;
  readonly inViewport: boolean;
}

/** What the person sees of the focused element. */
async function focusReport(page: Page): Promise<FocusReport> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
      return { what: 'nothing', none: true, ring: false, inViewport: false };
    }
    const hasRing = (e: Element) => {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    // A visually hidden control (a file input drawn as its label) shows focus on its label.
    const box = el.getBoundingClientRect();
    const hidden = box.width <= 1 && box.height <= 1;
    const drawn: Element[] = hidden && el instanceof HTMLInputElement ? [...(el.labels ?? [])] : [el];
    const inViewport = (e: Element) => {
      const r = e.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.top >= -1 &&
        r.left >= -1 &&
        r.bottom <= window.innerHeight + 1 &&
        r.right <= window.innerWidth + 1
      );
    };
    const label = el.getAttribute('aria-label');
    const name = label !== null ? label : (el.textContent ?? '').trim().slice(0, 60);
    const styles = drawn.map((d) => {
      const s = getComputedStyle(d);
      return `outline: ${s.outline}; box-shadow: ${s.boxShadow}`;
    });
    return {
      what: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> “${name}” (${styles.join(' | ')})`,
      none: false,
      ring: drawn.length > 0 && drawn.some(hasRing),
      inViewport: drawn.length > 0 && drawn.every(inViewport),
    };
  });
}

/** Focus is on something, with a visible ring, and on screen. */
export async function expectFocusVisible(page: Page): Promise<void> {
  const r = await focusReport(page);
  expect(r.none, 'something has focus').toBe(false);
  expect(r.ring, `focus ring on ${r.what}`).toBe(true);
  expect(r.inViewport, `${r.what} is inside the viewport`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `maxTabs`
 * times. After every press that lands on something, focus must be visible.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { maxTabs?: number; back?: boolean } = {},
): Promise<void> {
  const { maxTabs = 40, back = false } = options;
  await expect(target).toBeAttached();
  const passed: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const r = await focusReport(page);
    if (!r.none) {
      expect(r.ring, `focus ring on ${r.what}`).toBe(true);
      expect(r.inViewport, `${r.what} is inside the viewport`).toBe(true);
    }
    passed.push(r.what);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(
    `${back ? 'Shift+Tab' : 'Tab'} did not reach ${String(target)} in ${maxTabs} presses; passed: ${passed.join(' | ')}`,
  );
}

/** After an in-app navigation, the new page's h1 has focus (and says what the page is). */
export async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeFocused();
}
