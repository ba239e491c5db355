/**
 * Chaos sync, short form (issue 15): three devices, one with two tabs, file
 * 42 pothole requests (some with photos) while 30% of sync and upload calls
 * fail, the devices drop offline, the server is killed (SIGKILL) and
 * restarted twice mid-flush, and one device updates its service worker.
 * Everything must arrive exactly once, with its words, answers and photos,
 * every device must show the right tracking numbers and statuses, and every
 * outbox must be empty. Then draft durability: a tab killed 10 times while
 * typing (some while a photo is processed), every draft back. The long forms
 * are bench/chaos.ts and bench/chaos-drafts.ts. Repeat a run with
 * CHAOS_SEED=<the printed seed>.
 */
import { test, expect } from '@playwright/test';
import { ChaosStage, runChaos } from './chaos/run';
import { chaosSeed } from './chaos/random';
import { runDraftKills } from './chaos/drafts';

let stage: ChaosStage;

test.beforeAll(async () => {
  stage = await ChaosStage.start();
});

test.afterAll(async () => {
  await stage.stop();
});

test('chaos: every request is delivered once, with its photos, and every device shows it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const result = await runChaos(browser, stage, {
    seed: chaosSeed(),
    devices: 3,
    perDevice: 14,
    byForm: 2,
    chaosMs: 30_000,
    drainTimeoutMs: 90_000,
    log: (line) => console.log(line),
  });
  expect(result.tally.submitted).toBeGreaterThanOrEqual(40);
  expect(result.tally.wrong, result.line).toEqual([]);
  expect(result.tally.lost, result.line).toBe(0);
  expect(result.tally.duplicated, result.line).toBe(0);
  expect(result.tally.delivered).toBe(result.tally.submitted);
  expect(result.screens, result.line).toEqual([]);
  expect(result.left, result.line).toBe(0);
  expect(result.restarts).toBe(2);
  expect(result.updated, 'the service worker update went through mid-run').toBe(true);
});

test('drafts: a tab killed at random moments while typing gives every draft back', async ({ browser }) => {
  test.setTimeout(150_000);
  const result = await runDraftKills(browser, stage.server.origin, {
    seed: chaosSeed(),
    kills: 10,
    log: (line) => console.log(line),
  });
  expect(result.problems, result.line).toEqual([]);
  expect(result.restored).toBe(result.killed);
});
