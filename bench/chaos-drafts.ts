/**
 * Draft durability, long form (issue 15; not yet in npm test, see bench/chaos.ts):
 * a tab's renderer is crashed 100 times at random moments while the person
 * types, about a third of them while a large photo is being processed; a new
 * tab opens each draft again (tests/e2e/chaos/drafts.ts). Prints killed and
 * restored; exits 1 if any draft did not come back whole. Repeat a run with
 * CHAOS_SEED=<seed>.
 *
 *   flock /tmp/civic-browser.lock npx tsx bench/chaos-drafts.ts
 */
import { chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { findChromium } from '../scripts/find-chromium.mjs';
import { runDraftKills } from '../tests/e2e/chaos/drafts';
import { chaosSeed } from '../tests/e2e/chaos/random';
import { ChaosServer } from '../tests/e2e/chaos/server';

const found = (findChromium as () => { path: string; own: boolean } | undefined)();
if (!found) {
  console.log('Draft durability: skipped, no Chromium found.');
  process.exit(0);
}

const server = await ChaosServer.start();
const browser = await chromium.launch({
  ...(found.own ? {} : { executablePath: found.path }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let failed = true;
try {
  const started = Date.now();
  const result = await runDraftKills(browser, server.origin, {
    seed: chaosSeed(),
    kills: Number(process.env.CHAOS_KILLS ?? 100),
    log: (line) => console.log(line),
  });
  for (const p of result.problems) console.log(`  lost: ${p}`);
  console.log(`drafts: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  failed = result.restored !== result.killed;
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
