/**
 * What a person with large text sees on a small screen, measured in the page:
 * words broken in the middle across two lines, a page that scrolls sideways,
 * text cut off by a box with overflow hidden or clip. Each problem comes back
 * as a sentence naming the word or the element, for the failure message.
 */
import type { CDPSession, Page } from '@playwright/test';

/** A text size a person can choose: the app's own setting, or the browser's default font size. */
export interface TextSizeCase {
  readonly name: string;
  /** The app's setting (Settings → Text size), as stored in localStorage. */
  readonly setting: 'normal' | 'large' | 'xlarge';
  /** The browser's default font size in px (16 is the browser's normal; 32 is 200%). */
  readonly browserFontPx: number;
}

export const LARGEST_SETTING: TextSizeCase = {
  name: 'largest text setting',
  setting: 'xlarge',
  browserFontPx: 16,
};
export const BROWSER_200: TextSizeCase = { name: '200% browser text', setting: 'normal', browserFontPx: 32 };
export const NORMAL_TEXT: TextSizeCase = { name: 'normal text', setting: 'normal', browserFontPx: 16 };

/**
 * Applies a text size for the next page loads: the app's setting through
 * localStorage (read at start), the browser's text size the way its settings
 * page changes it — the default font size, which rem and em media queries follow.
 */
export async function useTextSize(page: Page, cdp: CDPSession, size: TextSizeCase): Promise<void> {
  await page.evaluate((setting) => localStorage.setItem('civic.textSize', setting), size.setting);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: size.browserFontPx } });
}

/** Every reflow problem on the page as it is now, with all <details> opened so their text counts too. */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : '';
      return `<${el.tagName.toLowerCase()}${cls}>`;
    };
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      // Name the outermost boxes that run past the right edge (or the left, right to left).
      const out = (e: Element | null) => {
        const r = e?.getBoundingClientRect();
        return !!r && r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1);
      };
      const culprits = [...document.body.querySelectorAll('*')]
        .filter((e) => out(e) && !out(e.parentElement))
        .slice(0, 3)
        .map((e) => `${describe(e)} "${(e.textContent ?? '').trim().slice(0, 30)}"`);
      problems.push(
        `the page scrolls sideways: ${root.scrollWidth} px wide in ${root.clientWidth} px (${culprits.join(', ')})`,
      );
    }
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const el = text.parentElement;
      if (!el || el.closest('script, style, noscript, template, select, option')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      // Text kept for screen readers in a 1 px box (visually hidden) is not seen.
      const box = el.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) continue;
      // A word, or the part of one up to a hyphen: a line may end after a hyphen ("CD-" / "7K3M9QX5").
      for (const m of text.data.matchAll(/[^\s\u00ad-]+-?/g)) {
        // The site's own address (a receipt's "follow it at …") may be longer than a
        // narrow screen wherever it is deployed: it may wrap at any character.
        if (m[0].includes(location.host)) continue;
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const tops = rects.map((r) => r.top);
        const lineHeight = Math.min(...rects.map((r) => r.height));
        if (Math.max(...tops) - Math.min(...tops) > lineHeight / 2) {
          problems.push(`"${m[0]}" is broken across lines in ${describe(el)}`);
        }
      }
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (el.matches('input, select, textarea, img, svg, svg *, video, canvas')) continue;
      const s = getComputedStyle(el);
      const clips = (v: string) => v === 'hidden' || v === 'clip';
      if (!clips(s.overflowX) && !clips(s.overflowY)) continue;
      if (el.clientWidth <= 2 || el.clientHeight <= 2) continue; // visually hidden on purpose
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push(
          `${describe(el)} cuts its text: ${el.scrollWidth}×${el.scrollHeight} px of content in ${el.clientWidth}×${el.clientHeight} px`,
        );
      }
    }
    return problems;
  });
}

/** Opens every <details> on the page, so the text inside is measured as a person who opens it sees it. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** Waits until the page has been laid out and painted again (after a viewport or font change). */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * The reflow problems of the page now on screen, looked at on a 320 px phone at
 * 200% browser text and, where the room has the app's text setting, at its
 * largest — without loading the page again, so a screen reached by several
 * steps (a kiosk form's third step, an open dialog) is measured as it is. The
 * viewport, text size and font size are put back afterwards.
 */
export async function smallScreenProblems(
  page: Page,
  cdp: CDPSession,
  options: { appSetting?: boolean } = {},
): Promise<string[]> {
  const viewport = page.viewportSize();
  const own = await page.evaluate(() => document.documentElement.dataset['textSize'] ?? '');
  const cases: { name: string; setting: string; px: number }[] = [
    { name: BROWSER_200.name, setting: own, px: BROWSER_200.browserFontPx },
  ];
  if (options.appSetting) cases.push({ name: LARGEST_SETTING.name, setting: 'xlarge', px: 16 });
  const problems: string[] = [];
  await page.setViewportSize({ width: 320, height: 640 });
  for (const c of cases) {
    await page.evaluate((s) => (document.documentElement.dataset['textSize'] = s), c.setting);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: c.px } });
    await nextFrames(page);
    const found = await reflowProblems(page);
    if (found.length && process.env.REFLOW_SHOTS)
      await page.screenshot({ path: `${process.env.REFLOW_SHOTS}/${Date.now()}.png`, fullPage: true });
    problems.push(...found.map((p) => `${c.name}: ${p}`));
  }
  await page.evaluate((s) => (document.documentElement.dataset['textSize'] = s), own);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  if (viewport) await page.setViewportSize(viewport);
  await nextFrames(page);
  return problems;
}
