/**
 * The managers' dashboard on a year of 100,000 requests on PGlite: the demo
 * generator's year (seed 14) in an embedded database — seeded once and then
 * reused from a cached data folder (bench/lib/seeded-pglite.ts; --fresh seeds
 * again) — then times GET /api/staff/dashboard's whole computation: this month
 * with the 12-month trends split by channel, a whole year split by area,
 * channel, language and group, and the public scorecard, each the first call and the median of five more, with
 * the median time of each part of the dashboard. Target: under a second each.
 *
 *   npx tsx bench/dashboard.ts [requests] [--fresh]
 */
import { buildDashboard, type Trace } from '../server/metrics/dashboard';
import { buildScorecard } from '../server/metrics/scorecard';
import { seededPglite } from './lib/seeded-pglite';

const REQUESTS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function measure(label: string, fn: (trace: Trace) => Promise<unknown>): Promise<void> {
  const parts = new Map<string, number[]>();
  const trace: Trace = (name, ms) => parts.set(name, [...(parts.get(name) ?? []), ms]);
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    await fn(i === 0 ? () => undefined : trace);
    times.push(performance.now() - t);
  }
  const [first = NaN, ...warm] = times;
  const split = [...parts].map(([name, ms]) => `${name} ${median(ms).toFixed(0)}`).join(', ');
  console.log(
    `${label}: first ${first.toFixed(0)} ms, median ${median(warm).toFixed(0)} ms${split ? ` (${split})` : ''}`,
  );
}

const seeded = await seededPglite(REQUESTS, 14, process.argv.includes('--fresh'));
const { db, now } = seeded;
try {
  const [counts] = await db.query<{ requests: number; events: number }>(
    'SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_events)::int AS events',
  );
  console.log(
    seeded.seededMs === null
      ? `reused the seeded folder ${seeded.folder} (copied and opened in ${(seeded.openMs / 1000).toFixed(1)} s)`
      : `seeded ${counts?.requests} requests, ${counts?.events} events in ${(seeded.seededMs / 1000).toFixed(1)} s (kept in ${seeded.folder})`,
  );
  console.log(`PGlite, ${counts?.requests} requests, measured as of ${now.toISOString()}`);
  await measure('dashboard, this month + 12-month trends by channel', (trace) =>
    buildDashboard(db, now, { segment: 'channel' }, undefined, trace),
  );
  for (const segment of ['area', 'channel', 'language', 'group'] as const) {
    await measure(`dashboard, a whole year split by ${segment}`, (trace) =>
      buildDashboard(db, now, { from: monthsAgo(now, 12), segment }, undefined, trace),
    );
  }
  await measure('public scorecard', () => buildScorecard(db, now));
} finally {
  await seeded.close();
}

function monthsAgo(d: Date, n: number): string {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
}
