/**
 * What matters most: how strongly satisfaction moves with each operational
 * measure, over the requests answered in the period — Pearson's r (SQL
 * corr) of the rating with working days to acknowledge and to resolve, public
 * updates sent, reopenings, a digital channel (1) or not (0), and resolved
 * late (1) or on time (0). Ranked by strength; each with the number of
 * answers behind it and `few` when there are fewer than 30 (the direction
 * may then be chance). A correlation is not a cause: the page says so.
 * Computed from exact sums per month and service (memo.ts), whole months
 * kept once computed.
 */
import type { Queryable } from '../db/types';
import { FEW_FOR_CORRELATION } from './min-n';
import { memoSplit, mattersRows, scopeFilters } from './memo';
import { Params, type Scope } from './sql';

export const MEASURES = [
  'acknowledge_days',
  'resolve_days',
  'updates',
  'reopenings',
  'digital',
  'late',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureEffect {
  readonly measure: Measure;
  /** -1 … 1; null when the measure or the rating did not vary. */
  readonly r: number | null;
  readonly n: number;
  readonly few: boolean;
}

export async function whatMattersMost(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string },
): Promise<MeasureEffect[]> {
  const { months, live } = await memoSplit(db, range);
  const p = new Params();
  const and = scopeFilters(p, scope);
  // Pearson's r from exact sums: (n·Σxy − Σx·Σy) / √((n·Σx² − (Σx)²)(n·Σy² − (Σy)²)), none when either varies not.
  const rows = await db.query<{ measure: Measure; n: number; r: number | null }>(
    `WITH sums AS (
       SELECT m.measure, m.n, m.sx, m.sy, m.sxx, m.syy, m.sxy FROM matters_month_memo m
       JOIN services s ON s.service_code = m.service_code WHERE m.month = ANY(${p.add(months)}::date[])${and}
       UNION ALL SELECT l.measure, l.n, l.sx, l.sy, l.sxx, l.syy, l.sxy FROM (${mattersRows(p, live, and)}) l
     ),
     t AS (
       SELECT measure, sum(n) AS n, sum(sx) AS sx, sum(sy) AS sy, sum(sxx) AS sxx,
         sum(syy) AS syy, sum(sxy) AS sxy
       FROM sums GROUP BY measure
     )
     SELECT measure, n::int AS n,
       CASE WHEN n * sxx - sx * sx = 0 OR n * syy - sy * sy = 0 THEN NULL
         ELSE ((n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)))::float8 END AS r
     FROM t`,
    p.values,
  );
  const byMeasure = new Map(rows.map((r) => [r.measure, r]));
  const effects = MEASURES.map((measure) => {
    const row = byMeasure.get(measure);
    const n = Number(row?.n ?? 0);
    const r = row?.r;
    return { measure, r: r === null || r === undefined ? null : Number(r), n, few: n < FEW_FOR_CORRELATION };
  });
  // Strongest first; ties keep the order of MEASURES; no correlation last.
  const strength = (e: MeasureEffect): number => (e.r === null ? -1 : Math.abs(e.r));
  return effects.sort((a, b) => strength(b) - strength(a));
}
