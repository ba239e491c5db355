/**
 * Chaos sync, long form (issue 15; the short form is tests/e2e/chaos.spec.ts,
 * in npm test): 6 devices (one with two tabs) file 210 pothole requests — 3
 * per device through the real form, the rest as copies of a form-made outbox
 * record (tests/e2e/chaos/device.ts), a third of them with photos — while
 * for two minutes 30% of sync, upload and pull calls fail, devices drop
 * offline, the server is SIGKILLed and restarted twice mid-flush and one
 * device updates its service worker. Prints what was submitted, delivered,
 * lost and duplicated and the time to drain; exits 1 on any loss, duplicate,
 * wrong content or screen. Repeat a run with CHAOS_SEED=<seed>.
 *
 *   flock /tmp/civic-browser.lock npx tsx bench/chaos.ts
 */
import { chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { findChromium } from '../scripts/find-chromium.mjs';
import { chaosSeed } from '../tests/e2e/chaos/random';
import { ChaosStage, runChaos } from '../tests/e2e/chaos/run';

const found = (findChromium as () => { path: string; own: boolean } | undefined)();
if (!found) {
  console.log('Chaos sync: skipped, no Chromium found.');
  process.exit(0);
}

const devices = Number(process.env.CHAOS_DEVICES ?? 6);
const stage = await ChaosStage.start();
const browser = await chromium.launch({
  ...(found.own ? {} : { executablePath: found.path }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let failed = true;
try {
  const result = await runChaos(browser, stage, {
    seed: chaosSeed(),
    devices,
    perDevice: Number(process.env.CHAOS_PER_DEVICE ?? 35),
    byForm: 3,
    chaosMs: Number(process.env.CHAOS_MS ?? 120_000),
    drainTimeoutMs: 300_000,
    log: (line) => console.log(line),
  });
  for (const w of [...result.tally.wrong, ...result.screens]) console.log(`  wrong: ${w}`);
  console.log(
    `chaos: server restarts ${result.restarts}, service worker update ${result.updated ? 'done' : 'NOT done'}, left on devices ${result.left}`,
  );
  failed =
    result.tally.lost > 0 ||
    result.tally.duplicated > 0 ||
    result.tally.wrong.length > 0 ||
    result.screens.length > 0 ||
    result.left > 0 ||
    result.restarts !== 2 ||
    !result.updated;
} finally {
  await browser.close();
  await stage.stop();
}
process.exit(failed ? 1 : 0);
