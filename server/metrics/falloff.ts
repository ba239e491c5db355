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
import { splitRange } from './months';
import { Params, type Scope } from './sql';

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
  const filters: string[] = [];
  if (scope.service) filters.push(`s.service_code = ${p.add(scope.service)}`);
  if (scope.group) filters.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) filters.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  const and = filters.map((f) => ` AND ${f}`).join('');
  const { whole, days } = splitRange(range.from, range.to);
  const src = [
    ...(whole
      ? [
          `SELECT c.service_code, c.wd, c.rated, c.rating_sum FROM figure_month_days c
           JOIN services s ON s.service_code = c.service_code
           WHERE c.kind = 'all' AND c.measure = 'res' AND c.rated > 0
             AND c.month >= ${p.add(whole[0])}::date AND c.month < ${p.add(whole[1])}::date${and}`,
        ]
      : []),
    ...days.map(
      ([a, b]) => `SELECT f.service_code, f.res_wd, 1, f.rating FROM request_facts f
       JOIN services s ON s.service_code = f.service_code
       WHERE f.sub_d >= ${p.add(a)}::date AND f.sub_d < ${p.add(b)}::date
         AND f.rating IS NOT NULL AND f.res_wd IS NOT NULL${and}`,
    ),
  ];
  const rows = await db.query<{
    service_code: string;
    level_days: number;
    days: number;
    answers: number;
    average: number;
  }>(
    // Whole months from the monthly cells (migration 0017), the days of a part month from request_facts.
    // The level is read from each service's JSON after grouping: once per service, not once per request.
    `WITH src (service_code, wd, rated, rating_sum) AS (${src.join(' UNION ALL ')}),
     buckets AS (
       SELECT k.service_code, least(k.wd, ${LAST_BUCKET}) AS days, sum(k.rated)::int AS answers,
         (sum(k.rating_sum)::numeric / sum(k.rated)::numeric)::float8 AS average
       FROM src k GROUP BY 1, 2 HAVING sum(k.rated) > 0
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
