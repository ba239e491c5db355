/**
 * Where the service level should be: per service, average satisfaction by
 * working days to resolution (buckets from SQL; 30 and more in one), and the
 * fall-off — the day count d that splits the answers into "resolved in d
 * working days or fewer" and "more than d" with the largest drop in average
 * rating, when that drop is at least half a point and both sides have at
 * least MIN_N answers. That is the evidence for a realistic target.
 */
import type { Queryable } from '../db/types';
import { MIN_N } from './min-n';
import { Params, baseCte, type Scope } from './sql';

export const LAST_BUCKET = 30;
export const MIN_DROP = 0.5;

export interface DayBucket {
  readonly days: number;
  readonly answers: number;
  readonly average: number;
}

export interface ServiceFalloff {
  readonly service_code: string;
  readonly level_days: number;
  readonly buckets: DayBucket[];
  /** null: no drop of half a point with enough answers on both sides. */
  readonly falloff_days: number | null;
  readonly before: number | null;
  readonly after: number | null;
}

export function findFalloff(
  buckets: readonly DayBucket[],
): Pick<ServiceFalloff, 'falloff_days' | 'before' | 'after'> {
  const total = buckets.reduce((s, b) => ({ n: s.n + b.answers, sum: s.sum + b.average * b.answers }), {
    n: 0,
    sum: 0,
  });
  let best: Pick<ServiceFalloff, 'falloff_days' | 'before' | 'after'> = {
    falloff_days: null,
    before: null,
    after: null,
  };
  let bestDrop = MIN_DROP - 1e-9;
  let n = 0;
  let sum = 0;
  for (const b of [...buckets].sort((x, y) => x.days - y.days)) {
    n += b.answers;
    sum += b.average * b.answers;
    const restN = total.n - n;
    if (n < MIN_N || restN < MIN_N) continue;
    const before = sum / n;
    const after = (total.sum - sum) / restN;
    if (before - after > bestDrop) {
      bestDrop = before - after;
      best = { falloff_days: b.days, before, after };
    }
  }
  return best;
}

export async function satisfactionByDays(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string },
): Promise<ServiceFalloff[]> {
  const p = new Params();
  const base = baseCte(p, scope, { fromDate: range.from, toDate: range.to });
  const rows = await db.query<{
    service_code: string;
    level_days: number;
    days: number;
    answers: number;
    average: number;
  }>(
    // The level is read from each service's JSON after grouping: once per service, not once per request.
    `WITH ${base},
     buckets AS (
       SELECT b.service_code, least(b.res_wd, ${LAST_BUCKET}) AS days, count(*)::int AS answers,
         avg(b.rating)::float8 AS average
       FROM base b WHERE b.rating IS NOT NULL AND b.res_wd IS NOT NULL GROUP BY 1, 2
     )
     SELECT k.service_code, (s.data->>'service_level_days')::int AS level_days, k.days, k.answers, k.average
     FROM buckets k JOIN services s ON s.service_code = k.service_code
     ORDER BY 1, 3`,
    p.values,
  );
  const byService = new Map<string, { level: number; buckets: DayBucket[] }>();
  for (const r of rows) {
    const entry = byService.get(r.service_code) ?? { level: r.level_days, buckets: [] };
    entry.buckets.push({ days: r.days, answers: r.answers, average: r.average });
    byService.set(r.service_code, entry);
  }
  return [...byService].map(([service_code, { level, buckets }]) => ({
    service_code,
    level_days: level,
    buckets,
    ...findFalloff(buckets),
  }));
}
