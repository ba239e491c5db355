/**
 * The figures of the requests received in a period, in one SQL statement:
 * totals for the period, the same per month for the trend, and per segment
 * (from the monthly cells of months.ts; a split by channel, language or area
 * with a service or group filter from every request, cohort-live.ts).
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
import type { Queryable } from '../db/types';
import { liveCohortRows } from './cohort-live';
import { cellFigures, cellsAnswer, type CellRow, type Dim } from './months';
import { CHANNEL_ORDER, type Scope, type Segment } from './sql';

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

export type Row = Record<string, number | null> & {
  g_seg?: number;
  month: string | null;
  seg: string | null;
};

export function figures(r: Row): CohortFigures {
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
 * [trendFrom, to) and, with a segment, per segment of the period.
 */
export async function cohortFigures(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string; trendFrom: string },
  segment?: Segment,
): Promise<Cohort> {
  let period = EMPTY_FIGURES;
  const months = new Map<string, CohortFigures>();
  const segments = new Map<string | null, CohortFigures>();
  if (cellsAnswer(scope, segment)) {
    const dim: Dim | undefined = segment;
    const rows = await cellFigures(db, scope, range, dim ? [[], [dim]] : [[]]);
    const keyOf = (r: CellRow): string | null =>
      segment === 'service' ? r.service_code : segment === 'group' ? r.group_code : r.seg;
    for (const r of rows) {
      if (r.gset === 0) period = figures(r);
      else segments.set(keyOf(r), figures(r));
    }
  } else {
    for (const r of await liveCohortRows(db, scope, range, segment)) {
      if (r.g_seg === 1) period = figures(r);
      else segments.set(r.seg, figures(r));
    }
  }
  const monthRows = await cellFigures(db, scope, { from: range.trendFrom, to: range.to }, [['month']]);
  for (const r of monthRows) if (r.month !== null) months.set(r.month, figures(r));
  return { period, months, segments };
}
