/**
 * The managers' dashboard on a year of 100,000 requests on PGlite: seeds the
 * demo generator's year (seed 14) into a fresh embedded database, then times
 * GET /api/staff/dashboard's whole computation (every figure, the 12-month
 * trends, one segment split) — the first call and the median of five more.
 * Also the public scorecard, which reads the same tables. Target: under a
 * second for the dashboard.
 *
 *   npx tsx bench/dashboard.ts [requests]
 */
import { prepareDb } from '../server/bootstrap';
import { openPglite } from '../server/db/pglite';
import { seedDemo } from '../server/demo/seed-demo';
import { buildDashboard } from '../server/metrics/dashboard';
import { buildScorecard } from '../server/metrics/scorecard';

const REQUESTS = Number(process.argv[2] ?? 100_000);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const db = await openPglite();
try {
  await prepareDb(db);
  const now = new Date();
  const seeded = await seedDemo(db, { requests: REQUESTS, seed: 14, end: now });
  if (seeded === 'already') throw new Error('fresh database expected');
  console.log(
    `seeded ${seeded.requests} requests, ${seeded.events} events in ${(seeded.ms / 1000).toFixed(1)} s`,
  );
  const run = (): Promise<unknown> =>
    buildDashboard(db, now, { segment: 'channel', from: undefined, to: undefined });
  const year = (): Promise<unknown> => buildDashboard(db, now, { from: monthsAgo(now, 12), segment: 'area' });
  const first = await time(run);
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await time(run));
  const yearMs = [];
  for (let i = 0; i < 3; i++) yearMs.push(await time(year));
  const score = [];
  for (let i = 0; i < 3; i++) score.push(await time(() => buildScorecard(db, now)));
  console.log(
    `dashboard, this month + 12-month trends (PGlite, ${REQUESTS} requests): first ${first.toFixed(0)} ms, median ${median(warm).toFixed(0)} ms`,
  );
  console.log(`dashboard, a whole year split by area: median ${median(yearMs).toFixed(0)} ms`);
  console.log(`public scorecard: median ${median(score).toFixed(0)} ms`);
} finally {
  await db.close();
}

function monthsAgo(d: Date, n: number): string {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
}
