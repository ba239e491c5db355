/**
 * What matters most: how strongly satisfaction moves with each operational
 * measure, over the requests answered in the period — Pearson's r (SQL
 * corr) of the rating with working days to acknowledge and to resolve, public
 * updates sent, reopenings, a digital channel (1) or not (0), and resolved
 * late (1) or on time (0). Ranked by strength; each with the number of
 * answers behind it and `few` when there are fewer than 30 (the direction
 * may then be chance). A correlation is not a cause: the page says so.
 */
import type { Queryable } from '../db/types';
import { FEW_FOR_CORRELATION } from './min-n';
import { DIGITAL_CHANNELS, FINISHED_SQL, Params, baseCte, type Scope } from './sql';

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
  const p = new Params();
  const base = baseCte(p, scope, { fromDate: range.from, toDate: range.to });
  const digital = p.add(DIGITAL_CHANNELS);
  const [row] = await db.query<Record<string, number | null>>(
    `WITH ${base},
     ev AS (
       SELECT e.request_id,
         count(*) FILTER (WHERE e.public AND e.kind IN ('acknowledged', 'status_changed', 'note', 'duplicate')) AS updates,
         count(*) FILTER (WHERE e.kind = 'status_changed' AND e.status_from IN ${FINISHED_SQL}
           AND e.status_to NOT IN ${FINISHED_SQL}) AS reopenings
       FROM request_events e JOIN base b ON b.request_id = e.request_id
       -- Only the kinds either count looks at: the others (staff time, photos…) never reach the join.
       WHERE b.rating IS NOT NULL AND e.kind IN ('acknowledged', 'status_changed', 'note', 'duplicate')
       GROUP BY e.request_id
     ),
     x AS (
       SELECT b.rating::float8 AS y, b.ack_wd::float8 AS acknowledge_days, b.res_wd::float8 AS resolve_days,
         coalesce(ev.updates, 0)::float8 AS updates, coalesce(ev.reopenings, 0)::float8 AS reopenings,
         (b.channel = ANY(${digital}::text[]))::int::float8 AS digital,
         CASE WHEN b.res_d IS NOT NULL THEN (b.res_d > b.level_due)::int::float8 END AS late
       FROM base b LEFT JOIN ev ON ev.request_id = b.request_id WHERE b.rating IS NOT NULL
     )
     SELECT ${MEASURES.map((m) => `corr(y, ${m}) AS r_${m}, count(${m})::int AS n_${m}`).join(', ')} FROM x`,
    p.values,
  );
  const effects = MEASURES.map((measure) => {
    const n = Number(row?.[`n_${measure}`] ?? 0);
    const r = row?.[`r_${measure}`];
    return { measure, r: r === null || r === undefined ? null : Number(r), n, few: n < FEW_FOR_CORRELATION };
  });
  // Strongest first; ties keep the order of MEASURES; no correlation last.
  const strength = (e: MeasureEffect): number => (e.r === null ? -1 : Math.abs(e.r));
  return effects.sort((a, b) => strength(b) - strength(a));
}
