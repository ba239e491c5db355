/**
 * The figures of the requests received in a period, in one SQL statement:
 * totals for the period, the same per month for the trend, and per segment
 * (GROUPING SETS over `base`, so the table is read once).
 *
 * Definitions:
 * - digital share: web, kiosk and API requests over all received.
 * - working days to acknowledge / resolve: median and 90th percentile
 *   (percentile_cont) over the requests that got there.
 * - share within the service level: on time over those decided — finished,
 *   or still open and already past the level (the open overdue ones count as
 *   misses: without them the rate flatters, as Austin's tracker found).
 *   Rejected and duplicate requests are neither.
 * - response rate: answers over requests resolved or closed.
 */
import {
  CHANNEL_ORDER,
  DIGITAL_CHANNELS,
  Params,
  baseCte,
  segmentSql,
  type Scope,
  type Segment,
} from './sql';
import type { Queryable } from '../db/types';

export type ChannelCounts = Record<(typeof CHANNEL_ORDER)[number], number>;

export interface Timing {
  /** Requests the median and 90th percentile are taken over. */
  readonly n: number;
  readonly median: number | null;
  readonly p90: number | null;
  readonly on_time: number;
  /** Finished, or open and already past the level. */
  readonly judged: number;
  readonly share: number | null;
}

export interface CohortFigures {
  readonly received: number;
  readonly channels: ChannelCounts;
  readonly digital_share: number | null;
  readonly acknowledge: Timing;
  readonly resolve: Timing;
  readonly open: number;
  readonly overdue: number;
  readonly satisfaction: {
    readonly answers: number;
    readonly average: number | null;
    /** Answers rating 1, 2, 3, 4, 5. */
    readonly distribution: readonly number[];
    readonly resolved: number;
    readonly response_rate: number | null;
    readonly fixed: { readonly yes: number; readonly partly: number; readonly no: number };
  };
}

export interface Cohort {
  readonly period: CohortFigures;
  /** First day of each local month → its figures (months with no request are absent). */
  readonly months: ReadonlyMap<string, CohortFigures>;
  readonly segments: ReadonlyMap<string | null, CohortFigures>;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

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

type Row = Record<string, number | null> & {
  g_seg: number;
  month: string | null;
  seg: string | null;
};

function figures(r: Row): CohortFigures {
  const n = (k: string): number => Number(r[k] ?? 0);
  const f = (k: string): number | null => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  const channels = Object.fromEntries(CHANNEL_ORDER.map((c) => [c, n(`ch_${c}`)])) as ChannelCounts;
  const timing = (prefix: 'ack' | 'res'): Timing => ({
    n: n(`${prefix}_n`),
    median: f(`${prefix}_median`),
    p90: f(`${prefix}_p90`),
    on_time: n(`${prefix}_on_time`),
    judged: n(`${prefix}_judged`),
    share: ratio(n(`${prefix}_on_time`), n(`${prefix}_judged`)),
  });
  return {
    received: n('received'),
    channels,
    digital_share: ratio(n('digital'), n('received')),
    acknowledge: timing('ack'),
    resolve: timing('res'),
    open: n('open'),
    overdue: n('overdue'),
    satisfaction: {
      answers: n('answers'),
      average: f('average'),
      distribution: [1, 2, 3, 4, 5].map((k) => n(`r${k}`)),
      resolved: n('resolved'),
      response_rate: ratio(n('answers'), n('resolved')),
      fixed: { yes: n('fixed_yes'), partly: n('fixed_partly'), no: n('fixed_no') },
    },
  };
}

export const EMPTY_FIGURES: CohortFigures = figures({ g_seg: 0, month: null, seg: null });

/**
 * Figures for requests received in [from, to) (local dates), the months of
 * [trendFrom, to) and, with a segment, per segment of the period. Two
 * statements, each reading only its own dates (the sub_d index): the period
 * with its segments (GROUPING SETS), and the months. One statement over both
 * ranges computed every figure a second time for the trend's rows outside
 * the period, only to throw it away.
 */
export async function cohortFigures(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string; trendFrom: string },
  segment?: Segment,
): Promise<Cohort> {
  const pp = new Params();
  const periodBase = baseCte(pp, scope, { fromDate: range.from, toDate: range.to });
  const seg = segment ? segmentSql(segment) : 'NULL::text';
  const periodRows = await db.query<Row>(
    `WITH ${periodBase}
     SELECT q.*, ${PERCENTILES} FROM (
     SELECT ${segment ? `grouping(${seg})::int` : '1'} AS g_seg, ${seg} AS seg, ${aggregates(pp)}
     FROM base b GROUP BY ${segment ? `GROUPING SETS ((), (${seg}))` : '()'}) q`,
    pp.values,
  );
  const pm = new Params();
  const monthBase = baseCte(pm, scope, { fromDate: range.trendFrom, toDate: range.to });
  const monthRows = await db.query<Row>(
    `WITH ${monthBase}
     SELECT q.*, ${PERCENTILES} FROM (
     SELECT to_char(date_trunc('month', b.sub_d), 'YYYY-MM-DD') AS month, ${aggregates(pm)}
     FROM base b GROUP BY date_trunc('month', b.sub_d)) q`,
    pm.values,
  );
  let period = EMPTY_FIGURES;
  const months = new Map<string, CohortFigures>();
  const segments = new Map<string | null, CohortFigures>();
  for (const r of periodRows) {
    if (r.g_seg === 1) period = figures(r);
    else segments.set(r.seg, figures(r));
  }
  for (const r of monthRows) if (r.month !== null) months.set(r.month, figures(r));
  return { period, months, segments };
}
