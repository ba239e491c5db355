/**
 * The two visits the wire budgets are about, driven in a real browser through
 * the byte-counting proxy (wire-proxy.ts): a first visit until the app works
 * offline, and opening the app again when nothing changed. Shared by
 * bench/first-visit.ts (prints the figures) and tests/e2e/budget.spec.ts
 * (checks them).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { receivedBytes, sentBytes, type WireEntry, type WireProxy } from './wire-proxy';

export interface VisitBytes {
  readonly entries: readonly WireEntry[];
  readonly received: number;
  readonly sent: number;
}

function snapshot(proxy: WireProxy): VisitBytes {
  const entries = [...proxy.entries];
  return { entries, received: receivedBytes(entries), sent: sentBytes(entries) };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The home page lists the catalog's services (any language). */
async function servicesListed(page: Page): Promise<void> {
  await page.locator('a[href^="/services/"]').first().waitFor({ state: 'visible' });
}

/**
 * Opens the app in a fresh context (its language set by the context's
 * locale), waits until the service worker controls the page (so its precache
 * is complete) and the catalog is listed, then proves the app works offline:
 * home and a form open with the network cut. The bytes are those received
 * before going offline.
 */
export async function firstVisit(context: BrowserContext, proxy: WireProxy): Promise<VisitBytes> {
  proxy.reset();
  const page = await context.newPage();
  await page.goto(`${proxy.url}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await servicesListed(page);
  await until(() => proxy.inFlight() === 0, 'the first visit to finish loading');
  const bytes = snapshot(proxy);
  const lang = await page.evaluate(() => document.documentElement.lang);

  await context.setOffline(true);
  await page.goto(`${proxy.url}/services/pothole`);
  await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
  await page.goto(`${proxy.url}/`);
  await servicesListed(page);
  const offlineLang = await page.evaluate(() => document.documentElement.lang);
  if (offlineLang !== lang) throw new Error(`offline the app opened in ${offlineLang}, not ${lang}`);
  await context.setOffline(false);
  await page.close();
  return bytes;
}

/**
 * Opens the app again in the same context (service worker installed,
 * catalog stored): waits for the services and until the browser's update
 * check of sw.js and the catalog's revalidation have both been answered.
 */
export async function reopen(context: BrowserContext, proxy: WireProxy): Promise<VisitBytes> {
  proxy.reset();
  const page = await context.newPage();
  await page.goto(`${proxy.url}/`);
  await servicesListed(page);
  const answered = (path: string) =>
    proxy.entries.some((e) => e.done && new URL(e.url, proxy.url).pathname === path);
  await until(
    () => answered('/sw.js') && answered('/api/catalog') && proxy.inFlight() === 0,
    'the update check of sw.js and the catalog revalidation',
  );
  const bytes = snapshot(proxy);
  await page.close();
  return bytes;
}

/** One line per response: bytes, status, encoding, path; largest first. */
export function breakdown(visit: VisitBytes): string[] {
  return [...visit.entries]
    .sort((a, b) => b.received - a.received)
    .map((e) => {
      const kb = `${(e.received / 1024).toFixed(1)} KB`.padStart(9);
      return `${kb}  ${String(e.status)} ${(e.encoding || '-').padEnd(4)} ${e.method} ${e.url}`;
    });
}
