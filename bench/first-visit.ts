/**
 * Prints the bytes on the wire of a first visit until the app works offline
 * (page, sw.js and everything it precaches, catalog, locale), per file and in
 * all, in English and in French, and of opening the app again with nothing
 * changed. Real Chromium through a byte-counting proxy in front of the built
 * server (bench/lib/wire-proxy.ts). Budgets: tests/e2e/budget.spec.ts.
 * Run it under the browser lock: flock /tmp/civic-browser.lock npx tsx bench/first-visit.ts
 */
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { findChromium } from '../scripts/find-chromium.mjs';
import { startBuiltServer } from './lib/app-server';
import { breakdown, firstVisit, reopen, type VisitBytes } from './lib/visits';
import { startWireProxy } from './lib/wire-proxy';
import { kb } from './lib/sizes';

const found = (findChromium as () => { path: string; own: boolean } | undefined)();
if (!found) {
  console.log('First visit: skipped, no Chromium found.');
  process.exit(0);
}

execSync('node scripts/build-if-needed.mjs', { stdio: 'ignore' });
const server = await startBuiltServer('civic-fv-');
const proxy = await startWireProxy(server.url);
const browser = await chromium.launch({
  ...(found.own ? {} : { executablePath: found.path }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

function print(title: string, visit: VisitBytes, budget: string): void {
  console.log(`${title}: ${kb(visit.received)} received (${budget}), ${kb(visit.sent)} sent`);
  for (const line of breakdown(visit)) console.log(`  ${line}`);
}

try {
  for (const locale of ['en-GB', 'fr-FR']) {
    const context = await browser.newContext({ locale });
    const first = await firstVisit(context, proxy);
    print(`First visit until offline, ${locale}`, first, 'budget 150 KB');
    const again = await reopen(context, proxy);
    print(`Open again, nothing changed, ${locale}`, again, 'budget 2 KB');
    await context.close();
  }
} finally {
  await browser.close();
  await proxy.close();
  await server.close();
}
