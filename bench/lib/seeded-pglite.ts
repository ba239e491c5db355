/**
 * A PGlite database holding N demo requests, for the dashboard benchmarks: the
 * first run seeds a data folder and keeps it in os.tmpdir(), keyed by count,
 * seed and a hash of every migration and of the demo generator; later runs copy
 * that folder and open the copy (seconds instead of minutes). The seed's end
 * date is kept beside it, so a reused database is measured at the "now" it was
 * seeded for and the figures are the same as on the first run.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDb } from '../../server/bootstrap';
import { openPglite, type PgliteDb } from '../../server/db/pglite';
import { seedDemo } from '../../server/demo/seed-demo';
import { migrationsDir, projectRoot } from '../../server/paths';

export interface SeededDb {
  readonly db: PgliteDb;
  readonly now: Date;
  /** Seeding time in ms, or null when a cached folder was reused. */
  readonly seededMs: number | null;
  readonly openMs: number;
  readonly folder: string;
  close(): Promise<void>;
}

function cacheKey(requests: number, seed: number): string {
  const h = createHash('sha256').update(`${requests}:${seed}`);
  const demo = path.join(projectRoot(), 'server', 'demo');
  for (const dir of [migrationsDir(), demo]) {
    for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export async function seededPglite(requests: number, seed: number, fresh = false): Promise<SeededDb> {
  const root = path.join(os.tmpdir(), 'civic-dashboard-bench');
  const cached = path.join(root, `${requests}-${seed}-${cacheKey(requests, seed)}`);
  let seededMs: number | null = null;
  if (fresh || !existsSync(path.join(cached, 'meta.json'))) {
    const building = mkdtempSync(path.join(os.tmpdir(), 'civic-seed-'));
    const db = await openPglite({ dataDir: path.join(building, 'data') });
    await prepareDb(db);
    const end = new Date();
    const r = await seedDemo(db, { requests, seed, end });
    if (r === 'already') throw new Error('fresh database expected');
    seededMs = r.ms;
    await db.exec('CHECKPOINT');
    await db.close();
    writeFileSync(path.join(building, 'meta.json'), JSON.stringify({ end: end.toISOString(), ...r }));
    mkdirSync(root, { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    renameSync(building, cached);
  }
  const t = performance.now();
  // A copy, so whatever the run writes (calendar refill, migrations) never changes the cache.
  const work = mkdtempSync(path.join(os.tmpdir(), 'civic-bench-db-'));
  cpSync(path.join(cached, 'data'), path.join(work, 'data'), { recursive: true });
  const db = await openPglite({ dataDir: path.join(work, 'data') });
  await prepareDb(db);
  const meta = JSON.parse(readFileSync(path.join(cached, 'meta.json'), 'utf8')) as { end: string };
  return {
    db,
    now: new Date(meta.end),
    seededMs,
    openMs: performance.now() - t,
    folder: cached,
    close: async () => {
      await db.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
