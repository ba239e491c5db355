/**
 * The managers' dashboard: every figure for a period, service or group, each
 * with its 12-month trend, and the period split by a segment with the
 * minimum-n rule applied (a compared figure with fewer than MIN_N behind it
 * is null: "not enough yet"). Only aggregates leave this module.
 */
import { localDate } from '../../src/core/service-level';
import { getJurisdiction } from '../catalog/store';
import type { Db, Queryable } from '../db/types';
import { backlogOverTime, type BacklogPoint } from './backlog';
import { cohortFigures, EMPTY_FIGURES, type CohortFigures } from './cohort';
import { draftFigures, type DraftFigures } from './drafts';
import { satisfactionByDays, type ServiceFalloff } from './falloff';
import { whatMattersMost, type MeasureEffect } from './matters';
import { refreshMemos } from './memo';
import { MIN_N, gated } from './min-n';
import { staffMinutes, type StaffMinutes } from './minutes';
import { monthStart, resolvePeriod, trendStart, type DashboardQuery } from './period';
import type { Scope, Segment } from './sql';

export interface SegmentRow {
  readonly key: string | null;
  readonly received: number;
  readonly digital_share: number | null;
  readonly acknowledge_median: number | null;
  readonly acknowledge_share: number | null;
  readonly resolve_median: number | null;
  readonly resolve_share: number | null;
  readonly answers: number;
  readonly satisfaction: number | null;
  readonly overdue: number;
}

export interface Dashboard {
  readonly period: { from: string; to: string; today: string; time_zone: string };
  readonly filter: { service: string | null; group: string | null; segment: Segment | null };
  readonly min_n: number;
  readonly figures: CohortFigures;
  readonly trend: { month: string; figures: CohortFigures }[];
  readonly backlog: BacklogPoint[];
  readonly segments: SegmentRow[];
  readonly minutes: StaffMinutes;
  readonly drafts: DraftFigures;
  readonly what_matters: MeasureEffect[];
  readonly satisfaction_by_days: ServiceFalloff[];
}

function segmentRow(key: string | null, f: CohortFigures): SegmentRow {
  return {
    key,
    received: f.received,
    digital_share: gated(f.digital_share, f.received),
    acknowledge_median: gated(f.acknowledge.median, f.acknowledge.n),
    acknowledge_share: gated(f.acknowledge.share, f.acknowledge.judged),
    resolve_median: gated(f.resolve.median, f.resolve.n),
    resolve_share: gated(f.resolve.share, f.resolve.judged),
    answers: f.satisfaction.answers,
    satisfaction: gated(f.satisfaction.average, f.satisfaction.answers),
    overdue: f.overdue,
  };
}

/** Every month of the trend window, empty months included, oldest first. */
export function trendMonths(trendFrom: string, to: string): string[] {
  const out: string[] = [];
  for (let m = trendFrom; m < to; m = monthStart(m, 1)) out.push(m);
  return out;
}

/**
 * The figures are read in one read-only transaction: one snapshot for all of
 * them, and room to sort in memory (work_mem, for this transaction only) —
 * with the default 4 MB PGlite and PostgreSQL sort a year of 100,000 requests
 * on disk.
 */
export async function buildDashboard(
  db: Db,
  now: Date,
  q: DashboardQuery,
  viewerGroups?: readonly string[],
  trace?: Trace,
): Promise<Dashboard> {
  const { calendar } = await getJurisdiction(db);
  const t = performance.now();
  // Whole months' staff minutes and what-matters sums, kept for the next time (memo.ts): writes, so first.
  await refreshMemos(db, resolvePeriod(q, localDate(now, calendar.time_zone)));
  trace?.('memo', performance.now() - t);
  return inFiguresTransaction(db, (tx) => computeDashboard(tx, now, q, viewerGroups, trace));
}

/** One read-only snapshot with room to sort in memory, for the dashboard and the scorecard. */
export function inFiguresTransaction<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec(
      `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL work_mem = '${WORK_MEM}'`,
    );
    return fn(tx);
  });
}

const WORK_MEM = '64MB';

/** Told each part's wall time (the benchmark prints them). */
export type Trace = (part: string, ms: number) => void;

async function computeDashboard(
  db: Queryable,
  now: Date,
  q: DashboardQuery,
  viewerGroups?: readonly string[],
  trace?: Trace,
): Promise<Dashboard> {
  const part = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await fn();
    trace?.(name, performance.now() - t);
    return out;
  };
  const { calendar } = await getJurisdiction(db);
  const today = localDate(now, calendar.time_zone);
  const { from, to } = resolvePeriod(q, today);
  const trendFrom = trendStart(to);
  const scope: Scope = {
    timeZone: calendar.time_zone,
    today,
    service: q.service,
    group: q.group,
    ...(viewerGroups && viewerGroups.length > 0 ? { groups: viewerGroups } : {}),
  };
  const cohort = await part('cohort', () => cohortFigures(db, scope, { from, to, trendFrom }, q.segment));
  const backlog = await part('backlog', () => backlogOverTime(db, scope, { trendFrom, to }));
  const minutes = await part('minutes', () => staffMinutes(db, scope, { from, to }));
  const drafts = await part('drafts', () => draftFigures(db, scope, { from, to, trendFrom }));
  const matters = await part('matters', () => whatMattersMost(db, scope, { from, to }));
  const byDays = await part('falloff', () => satisfactionByDays(db, scope, { from, to }));
  return {
    period: { from, to, today, time_zone: calendar.time_zone },
    filter: { service: q.service ?? null, group: q.group ?? null, segment: q.segment ?? null },
    min_n: MIN_N,
    figures: cohort.period,
    trend: trendMonths(trendFrom, to).map((month) => ({
      month,
      figures: cohort.months.get(month) ?? EMPTY_FIGURES,
    })),
    backlog,
    segments: [...cohort.segments]
      .map(([key, f]) => segmentRow(key, f))
      .sort((a, b) => b.received - a.received || String(a.key).localeCompare(String(b.key))),
    minutes,
    drafts,
    what_matters: matters,
    satisfaction_by_days: byDays,
  };
}
