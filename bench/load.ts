/**
 * Load: real server processes over HTTP, 1,000 devices × 10 citizen requests
 * flushed in batches concurrently, with Open311 reads (services.json,
 * requests.json) and staff queue reads and actions at the same time; first on
 * PostgreSQL (DATABASE_URL; the run makes a database of its own beside it), then
 * on PGlite, then two server processes on one PostgreSQL with devices hitting
 * either and retrying some batches on the other. Prints throughput, p50/p99
 * latency and errors per kind of call, and, by event id, duplicated and lost
 * events and notifications sent twice; exits non-zero if any is above zero.
 *
 *   npx tsx bench/load.ts [--devices 1000] [--events 10] [--concurrency 100] [--readers 4]
 *     [--only postgres|pglite|two]   (or LOAD_DEVICES, LOAD_EVENTS, LOAD_CONCURRENCY, LOAD_READERS)
 */
import { parseArgs } from 'node:util';
import type { LoadOptions } from './load/run';
import { printScenario, runScenario, type ScenarioResult } from './load/scenario';
import { buildServer, pgliteTarget, postgresTarget, type Target } from './load/servers';

const { values } = parseArgs({
  options: {
    devices: { type: 'string' },
    events: { type: 'string' },
    concurrency: { type: 'string' },
    readers: { type: 'string' },
    only: { type: 'string' },
  },
});
const num = (flag: string | undefined, env: string | undefined, fallback: number) =>
  Number(flag ?? env ?? fallback);
const options: LoadOptions = {
  devices: num(values.devices, process.env.LOAD_DEVICES, 1000),
  eventsPerDevice: num(values.events, process.env.LOAD_EVENTS, 10),
  concurrency: num(values.concurrency, process.env.LOAD_CONCURRENCY, 100),
  retryShare: 0,
  open311Readers: num(values.readers, process.env.LOAD_READERS, 4),
  staffReaders: Math.min(2, num(values.readers, process.env.LOAD_READERS, 2)),
  staffActions: 200,
};
const PORT = 23000 + (process.pid % 5000);

let failures = 0;
async function scenario(title: string, target: Target, processes: number, o: LoadOptions): Promise<void> {
  let r: ScenarioResult;
  try {
    r = await runScenario(target, processes, o, PORT);
  } finally {
    await target.dispose();
  }
  printScenario(title, r);
  const i = r.integrity;
  const bad =
    i.duplicates +
    i.lost +
    i.wrongTracking +
    r.load.unanswered +
    r.load.conflicts +
    i.notificationDuplicates +
    i.receivedTwice +
    (i.notificationRows - i.delivered);
  if (bad > 0) {
    failures++;
    console.log('  FAILED: duplicated, lost or undelivered above');
  }
}

console.log(
  `Load: ${options.devices} devices × ${options.eventsPerDevice} requests, ${options.concurrency} devices at once, ` +
    `${options.open311Readers} Open311 readers, ${options.staffReaders} staff readers`,
);
buildServer();
const url = process.env.DATABASE_URL;
const only = values.only; // postgres | pglite | two: one scenario alone
if (url && (!only || only === 'postgres'))
  await scenario('PostgreSQL, one server process', await postgresTarget(url, 'civic_load'), 1, options);
if (!only || only === 'pglite') await scenario('PGlite, one server process', pgliteTarget(), 1, options);
if (url && (!only || only === 'two'))
  await scenario('PostgreSQL, two server processes', await postgresTarget(url, 'civic_load'), 2, {
    ...options,
    retryShare: 0.2,
  });
else if (!url) console.log('\nPostgreSQL: skipped (set DATABASE_URL to measure it and to run two processes)');
process.exit(failures > 0 ? 1 : 0);
