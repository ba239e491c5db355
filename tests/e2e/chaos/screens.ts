/**
 * What each device shows at the end, read off its "My requests" page the way
 * a person reads it: for every request it filed, the card with its words, the
 * tracking number the server gave it, and the status badge in English.
 */
import type { Page } from '@playwright/test';
import type { Device } from './device';
import type { ServerCopy } from './ledger';
import { sleep } from './random';

/** The English status names (src/i18n/locales/en.json, status.*). */
export const STATUS_NAMES: Readonly<Record<string, string>> = {
  submitted: 'Sent',
  acknowledged: 'Received',
  in_progress: 'In progress',
  resolved: 'Resolved',
};

interface Card {
  summary: string;
  badge: string;
  facts: string;
}

async function cards(page: Page): Promise<Card[]> {
  await page.goto('/requests');
  await page.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
  await page.locator('.card-list > li').first().waitFor();
  return page.locator('.card-list > li').evaluateAll((lis) =>
    lis.map((li) => ({
      summary: li.querySelector('.card__summary')?.textContent?.trim() ?? '',
      badge: li.querySelector('.badge')?.textContent?.trim() ?? '',
      facts: li.querySelector('.facts')?.textContent ?? '',
    })),
  );
}

/** Differences between the device's page and the server; empty when it shows everything right. */
export function mismatches(device: Device, shown: Card[], copies: ReadonlyMap<string, ServerCopy>): string[] {
  const out: string[] = [];
  if (shown.length !== device.items.length)
    out.push(`device ${device.index} lists ${shown.length} requests, filed ${device.items.length}`);
  for (const item of device.items) {
    const copy = copies.get(item.id);
    const card = shown.filter((c) => c.summary === item.description);
    if (!copy) continue;
    if (card.length !== 1) {
      out.push(`device ${device.index}: ${card.length} cards for ${item.description}`);
      continue;
    }
    const [c] = card;
    if (!c?.facts.includes(`Tracking number ${copy.tracking}`))
      out.push(`device ${device.index}: ${item.description} shows "${c?.facts}", not ${copy.tracking}`);
    if (c?.badge !== STATUS_NAMES[copy.status])
      out.push(`device ${device.index}: ${item.description} shows "${c?.badge}", server says ${copy.status}`);
  }
  return out;
}

/**
 * Opens My requests until it matches the server (each opening starts a flush
 * that pulls the latest statuses), for at most `timeoutMs`; answers what
 * still differs.
 */
export async function checkScreens(
  device: Device,
  copies: ReadonlyMap<string, ServerCopy>,
  timeoutMs: number,
): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const diff = mismatches(device, await cards(device.tab(0)), copies);
    if (diff.length === 0 || Date.now() > end) return diff;
    await sleep(2_000);
  }
}
