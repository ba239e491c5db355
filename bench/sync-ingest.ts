/**
 * Sync ingest throughput: create_request events per second through POST
 * /api/sync (the whole HTTP handler, in process), sent in batches of 100 and
 * one event per call, on PGlite and — when DATABASE_URL is set — PostgreSQL.
 * Both modes run in the same process one after the other, each for a fixed
 * time budget, so their ratio compares like with like. Each figure comes with
 * the SQL statements one call sent (BEGIN and COMMIT included): with the
 * database the bottleneck, round trips are where the time goes.
 *
 *   npx tsx bench/sync-ingest.ts            (SYNC_BENCH_MS=3000 per figure)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../server/app';
import { depsFor, prepareDb } from '../server/bootstrap';
import { openPglite } from '../server/db/pglite';
import { openPostgres } from '../server/db/postgres';
import type { Db } from '../server/db/types';
import { countingDb, type CountingDb } from './lib/counting-db';
import { uuidv7 } from '../src/core/ids';

const BUDGET_MS = Number(process.env.SYNC_BENCH_MS ?? 3000);
const BATCH = 100;

function event(): unknown {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    type: 'create_request',
    channel: 'web',
    request: {
      service_code: 'pothole',
      attributes: { size: 'large', location: 'road', depth: 12 },
      description: 'Deep hole by the market gate',
      location: { lat: 7.3964, long: 3.9167 },
      contact: { phone: '+234 801 234 5678', consent_updates: true },
      language: 'en',
    },
  };
}

type App = ReturnType<typeof createApp>;

async function send(app: App, n: number): Promise<void> {
  const res = await app.request('/api/sync', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: Array.from({ length: n }, event) }),
  });
  const body = (await res.json()) as { results?: { outcome: string }[] };
  if (res.status !== 200 || body.results?.filter((r) => r.outcome === 'accepted').length !== n)
    throw new Error(`sync failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

interface Figure {
  rate: number;
  events: number;
  ms: number;
  statements: number;
}

/** Events per second sending `perCall` events per POST, for about BUDGET_MS. */
async function measure(app: App, db: CountingDb, perCall: number): Promise<Figure> {
  // Warm-up: code paths, catalog, and the plans of every pooled connection.
  for (let i = 0; i < 12; i++) await send(app, perCall);
  db.reset();
  await send(app, perCall);
  const statements = db.count();
  let events = 0;
  const start = performance.now();
  while (performance.now() - start < BUDGET_MS) {
    await send(app, perCall);
    events += perCall;
  }
  const ms = performance.now() - start;
  return { rate: (events / ms) * 1000, events, ms, statements };
}

async function run(name: string, raw: Db): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'civic-bench-'));
  try {
    const db = countingDb(raw);
    const app = createApp({ deps: await depsFor(db, { dataDir, submitLimit: null }) });
    const batched = await measure(app, db, BATCH);
    const single = await measure(app, db, 1);
    const fmt = (m: Figure) =>
      `${m.rate.toFixed(0).padStart(6)} events/s  (${m.events} events in ${(m.ms / 1000).toFixed(1)} s, ` +
      `${m.statements} SQL statements per call)`;
    console.log(`${name}`);
    console.log(`  batches of ${BATCH}:     ${fmt(batched)}`);
    console.log(`  one event per call: ${fmt(single)}`);
    console.log(`  batched / single:   ${(batched.rate / single.rate).toFixed(1)}x`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `Sync ingest (create_request through POST /api/sync, in process, ${BUDGET_MS / 1000} s per figure)`,
  );
  const t0 = performance.now();
  const lite = await openPglite();
  await prepareDb(lite);
  console.log(`(PGlite in memory ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  try {
    await run('PGlite (in memory)', lite);
  } finally {
    await lite.close();
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: skipped (set DATABASE_URL to measure it)');
    return;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openPostgres({ connectionString: url, schema });
  try {
    await prepareDb(db);
    await run('PostgreSQL (DATABASE_URL)', db);
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
