/**
 * Where the dashboard's time goes: N demo requests in PGlite (the seeded folder
 * bench/dashboard.ts caches) — or, with DATABASE_URL, into a fresh schema of that
 * PostgreSQL — then runs the dashboard once with every query recorded and
 * prints each statement's wall time and its EXPLAIN ANALYZE plan.
 *
 *   npx tsx bench/dashboard-explain.ts [requests] [--plans]
 */
import { prepareDb } from '../server/bootstrap';
import { openPostgres } from '../server/db/postgres';
import type { Db, Queryable } from '../server/db/types';
import { seedDemo } from '../server/demo/seed-demo';
import { buildDashboard } from '../server/metrics/dashboard';
import { seededPglite } from './lib/seeded-pglite';

const REQUESTS = Number(process.argv[2] ?? 100_000);
const PLANS = process.argv.includes('--plans');
const url = process.env['DATABASE_URL'];
const schema = `explain_${process.pid}`;

async function open(): Promise<{ db: Db; now: Date; close: () => Promise<void> }> {
  if (!url) {
    // The seeded folder bench/dashboard.ts keeps (seeded on the first run).
    const seeded = await seededPglite(REQUESTS, 14);
    return { db: seeded.db, now: seeded.now, close: () => seeded.close() };
  }
  const admin = openPostgres({ connectionString: url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const db = openPostgres({ connectionString: url, schema });
  await prepareDb(db);
  const now = new Date();
  await seedDemo(db, { requests: REQUESTS, seed: 14, end: now });
  await db.exec('ANALYZE');
  return {
    db,
    now,
    close: async () => {
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

const { db, now, close } = await open();
try {
  const seen: { sql: string; params: readonly unknown[]; ms: number }[] = [];
  const record = (q: Queryable): Queryable => ({
    ...q,
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const t = performance.now();
      const rows = await q.query<T>(sql, params);
      seen.push({ sql, params, ms: performance.now() - t });
      return rows;
    },
    exec: (sql: string) => q.exec(sql),
  });
  const recording: Db = { ...db, ...record(db), transaction: (fn) => db.transaction((tx) => fn(record(tx))) };
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1)).toISOString().slice(0, 10);
  for (const q of [{ segment: 'channel' as const }, { from, segment: 'area' as const }]) {
    await buildDashboard(db, now, q); // warm
    seen.length = 0;
    const t = performance.now();
    await buildDashboard(recording, now, q);
    console.log(
      `\n== ${JSON.stringify(q)}: ${(performance.now() - t).toFixed(0)} ms on ${db.kind}, ${REQUESTS} requests`,
    );
    for (const s of seen) {
      console.log(`${s.ms.toFixed(1).padStart(8)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
      if (PLANS && s.ms > 20) {
        // As the dashboard runs it: in a transaction with its work_mem.
        const plan = await db.transaction(async (tx) => {
          await tx.exec(`SET LOCAL work_mem = '64MB'`);
          return tx.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS OFF) ${s.sql}`, s.params);
        });
        console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
      }
    }
  }
} finally {
  await close();
}
