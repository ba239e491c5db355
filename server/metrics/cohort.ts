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

/** The aggregate columns over rows of `base` aliased `b`. */
export function aggregates(p: Params): string {
  const channel = CHANNEL_ORDER.map((c) => `count(*) FILTER (WHERE b.channel = ${p.add(c)})::int AS ch_${c}`);
  const ratings = [1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE b.rating = ${n})::int AS r${n}`);
  return [
    'count(*)::int AS received',
    ...channel,
    `count(*) FILTER (WHERE b.channel = ANY(${p.add(DIGITAL_CHANNELS)}::text[]))::int AS digital`,
    'count(b.ack_wd)::int AS ack_n',
    'percentile_cont(0.5) WITHIN GROUP (ORDER BY b.ack_wd) AS ack_median',
    'percentile_cont(0.9) WITHIN GROUP (ORDER BY b.ack_wd) AS ack_p90',
    'count(*) FILTER (WHERE b.ack_d <= b.ack_due)::int AS ack_on_time',
    'count(*) FILTER (WHERE b.ack_d IS NOT NULL OR b.ack_overdue_now)::int AS ack_judged',
    'count(b.res_wd)::int AS res_n',
    'percentile_cont(0.5) WITHIN GROUP (ORDER BY b.res_wd) AS res_median',
    'percentile_cont(0.9) WITHIN GROUP (ORDER BY b.res_wd) AS res_p90',
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

type Row = Record<string, number | null> & {
  g_month: number;
  g_seg: number;
  month: string | null;
  seg: string | null;
  in_period: boolean | null;
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

export const EMPTY_FIGURES: CohortFigures = figures({
  g_month: 0,
  g_seg: 0,
  month: null,
  seg: null,
  in_period: true,
} as Row);

/**
 * Figures for requests received in [from, to) (local dates), the months of
 * [trendFrom, to) and, with a segment, per segment of the period.
 */
export async function cohortFigures(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string; trendFrom: string },
  segment?: Segment,
): Promise<Cohort> {
  const p = new Params();
  const start = range.trendFrom < range.from ? range.trendFrom : range.from;
  const base = baseCte(p, scope, { fromDate: start, toDate: range.to });
  const from = p.add(range.from);
  const trendFrom = p.add(range.trendFrom);
  const seg = segment ? segmentSql(segment) : 'NULL::text';
  const sets = segment ? '(b.in_period), (b.month), (b.in_period, b.seg)' : '(b.in_period), (b.month)';
  const rows = await db.query<Row>(
    `WITH ${base},
     x AS (SELECT b.*, b.sub_d >= ${from}::date AS in_period,
       CASE WHEN b.sub_d >= ${trendFrom}::date THEN date_trunc('month', b.sub_d)::date END AS month,
       ${seg} AS seg FROM base b)
     SELECT grouping(b.month)::int AS g_month, ${segment ? 'grouping(b.seg)::int' : '1'} AS g_seg,
       to_char(b.month, 'YYYY-MM-DD') AS month, ${segment ? 'b.seg' : 'NULL::text AS seg'}, b.in_period,
       ${aggregates(p)}
     FROM x b GROUP BY GROUPING SETS (${sets})`,
    p.values,
  );
  let period = EMPTY_FIGURES;
  const months = new Map<string, CohortFigures>();
  const segments = new Map<string | null, CohortFigures>();
  for (const r of rows) {
    if (r.g_month === 0) {
      if (r.month !== null) months.set(r.month, figures(r));
    } else if (r.in_period !== true) continue;
    else if (r.g_seg === 1 || !segment) period = figures(r);
    else segments.set(r.seg, figures(r));
  }
  return { period, months, segments };
}
