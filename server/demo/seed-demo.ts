/**
 * `npm run civic -- demo-data [--requests N] [--seed S]`: fills the database
 * with a generated year (generate.ts) in multi-row inserts. Refuses to run
 * twice on the same database, so demo figures are never doubled by accident.
 */
import { getJurisdiction, listServices } from '../catalog/store';
import type { Db } from '../db/types';
import { foldFigures } from '../metrics/fold';
import { refreshMemos } from '../metrics/memo';
import { monthStart } from '../metrics/period';
import { generateDemo } from './generate';
import { insertEventRows, insertRequestRows } from './rows';

/** The request_facts rows the deferred trigger did not write, all at once. */
const FILL_MISSING_FACTS = `INSERT INTO request_facts
  SELECT s.* FROM request_facts_source s
  WHERE NOT EXISTS (SELECT 1 FROM request_facts f WHERE f.request_id = s.request_id)`;

export interface SeedResult {
  readonly requests: number;
  readonly events: number;
  readonly ms: number;
}

export async function seedDemo(
  db: Db,
  options: { requests: number; seed: number; end: Date },
): Promise<SeedResult | 'already'> {
  const [marker] = await db.query("SELECT 1 FROM server_secrets WHERE name = 'demo_data'");
  if (marker) return 'already';
  const t0 = performance.now();
  const jurisdiction = await getJurisdiction(db);
  const data = generateDemo(await listServices(db), { ...options, centre: jurisdiction.map_centre });
  await db.transaction(async (tx) => {
    // request_facts deferred for this transaction (migration 0015), then filled
    // in one set-based statement: one hash join instead of a lookup per row.
    await tx.query("SELECT set_config('civic.defer_facts', 'on', true)");
    await insertRequestRows(tx, data.requests);
    await insertEventRows(tx, data.events);
    await tx.query("SELECT set_config('civic.defer_facts', 'off', true)");
    await tx.exec(FILL_MISSING_FACTS);
    await tx.query(
      `INSERT INTO draft_counts (event_id, day, service_code, language, kind, step, n)
       SELECT gen_random_uuid(), day, service_code, language, kind, step, n
       FROM jsonb_to_recordset($1::jsonb) AS x(day date, service_code text, language text, kind text, step int, n int)`,
      [JSON.stringify(data.drafts)],
    );
    await tx.query("INSERT INTO server_secrets (name, value) VALUES ('demo_data', $1)", [
      String(options.seed),
    ]);
  });
  await foldFigures(db);
  await db.exec(
    'ANALYZE requests; ANALYZE request_events; ANALYZE request_facts; ANALYZE request_day_deltas_folded; ANALYZE figure_months_folded; ANALYZE figure_month_days_folded',
  );
  // The year's staff minutes and what-matters sums kept now, not on the first dashboard.
  const last = options.end.toISOString().slice(0, 10);
  await refreshMemos(db, { from: monthStart(last, -13), to: monthStart(last) });
  return { requests: data.requests.length, events: data.events.length, ms: performance.now() - t0 };
}
