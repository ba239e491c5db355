/**
 * The period's figures (with a segment: per segment too) computed from every
 * request of the period in one GROUPING SETS statement over `base` — the way
 * the dashboard computed all of them before the monthly cells (migration
 * 0017). Still used for a split by channel, language or area under a service
 * or group filter, whose cells are not kept.
 */
import type { Queryable } from '../db/types';
import type { Row } from './cohort';
import {
  CHANNEL_ORDER,
  DIGITAL_CHANNELS,
  Params,
  baseCte,
  segmentSql,
  type Scope,
  type Segment,
} from './sql';

/**
 * The aggregate columns over rows of `base` aliased `b`. The percentiles come
 * as arrays (ack_pct, res_pct: median, 90th); `percentiles` names them.
 */
export function aggregates(p: Params): string {
  const channel = CHANNEL_ORDER.map((c) => `count(*) FILTER (WHERE b.channel = ${p.add(c)})::int AS ch_${c}`);
  const ratings = [1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE b.rating = ${n})::int AS r${n}`);
  return [
    'count(*)::int AS received',
    ...channel,
    `count(*) FILTER (WHERE b.channel = ANY(${p.add(DIGITAL_CHANNELS)}::text[]))::int AS digital`,
    'count(b.ack_wd)::int AS ack_n',
    // Both percentiles from one sort of the group's values (the array form of percentile_cont).
    'percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY b.ack_wd) AS ack_pct',
    'count(*) FILTER (WHERE b.ack_d <= b.ack_due)::int AS ack_on_time',
    'count(*) FILTER (WHERE b.ack_d IS NOT NULL OR b.ack_overdue_now)::int AS ack_judged',
    'count(b.res_wd)::int AS res_n',
    'percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY b.res_wd) AS res_pct',
    'count(*) FILTER (WHERE b.resolved AND b.res_d <= b.level_due)::int AS res_on_time',
    'count(*) FILTER (WHERE b.resolved OR b.overdue_now)::int AS res_judged',
    'count(*) FILTER (WHERE b.open)::int AS open',
    'count(*) FILTER (WHERE b.overdue_now)::int AS overdue',
    'count(b.rating)::int AS answers',
    'avg(b.rating)::float8 AS average',
    ...ratings,
    'count(*) FILTER (WHERE b.resolved)::int AS resolved',
    "count(*) FILTER (WHERE b.fixed = 'yes')::int AS fixed_yes",
    "count(*) FILTER (WHERE b.fixed = 'partly')::int AS fixed_partly",
    "count(*) FILTER (WHERE b.fixed = 'no')::int AS fixed_no",
  ].join(',\n');
}

/** The median and 90th-percentile columns out of aggregates()' arrays, for an outer SELECT over alias `q`. */
export const PERCENTILES =
  'q.ack_pct[1] AS ack_median, q.ack_pct[2] AS ack_p90, q.res_pct[1] AS res_median, q.res_pct[2] AS res_p90';

/** The period's row (g_seg 1) and, with a segment, one row per segment (g_seg 0). */
export function liveCohortRows(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string },
  segment?: Segment,
): Promise<Row[]> {
  const pp = new Params();
  const periodBase = baseCte(pp, scope, { fromDate: range.from, toDate: range.to });
  const seg = segment ? segmentSql(segment) : 'NULL::text';
  return db.query<Row>(
    `WITH ${periodBase}
     SELECT q.*, ${PERCENTILES} FROM (
     SELECT ${segment ? `grouping(${seg})::int` : '1'} AS g_seg, ${seg} AS seg, ${aggregates(pp)}
     FROM base b GROUP BY ${segment ? `GROUPING SETS ((), (${seg}))` : '()'}) q`,
    pp.values,
  );
}
