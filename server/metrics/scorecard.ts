/**
 * The public scorecard (GET /api/public/scorecard): for the whole council,
 * each service group and each service, over the last 12 months — requests
 * received, the share resolved within the service level (open requests past
 * it count as misses), the median working days to resolve, satisfaction —
 * and the same per month for the trend, from the monthly cells (months.ts).
 *
 * Only counts and rates leave: never a request, a place, a text or a name.
 * A figure with fewer than MIN_N requests or answers behind it is null, so a
 * single person's rating cannot be read off a small service.
 */
import { LANGUAGE_CODES } from '../../src/core/lang';
import { localDate } from '../../src/core/service-level';
import { getJurisdiction } from '../catalog/store';
import type { Db, Queryable } from '../db/types';
import { inFiguresTransaction, trendMonths } from './dashboard';
import { MIN_N, gated } from './min-n';
import { addDays, monthStart } from './period';
import { cellFigures, type Dim } from './months';

export interface ScoreFigures {
  readonly received: number;
  /** Finished, or open and past the level: what the on-time share is taken over. */
  readonly decided: number;
  readonly on_time_share: number | null;
  readonly resolved: number;
  readonly median_days: number | null;
  readonly answers: number;
  readonly satisfaction: number | null;
}

export interface ScoreRow {
  readonly code: string;
  readonly names: Partial<Record<string, string>>;
  readonly level_days?: number;
  readonly figures: ScoreFigures;
  readonly trend: { month: string; figures: ScoreFigures }[];
}

export interface Scorecard {
  readonly jurisdiction: string;
  readonly period: { from: string; to: string; today: string };
  readonly min_n: number;
  readonly council: Omit<ScoreRow, 'code' | 'names'>;
  readonly groups: ScoreRow[];
  readonly services: (ScoreRow & { group_code: string })[];
}

/** The council, each group and each service; each for the whole year and per month. */
const SETS: Dim[][] = [
  [],
  ['group'],
  ['group', 'service'],
  ['month'],
  ['month', 'group'],
  ['month', 'group', 'service'],
];

interface Row {
  service_code: string | null;
  group_code: string | null;
  month: string | null;
  received: number;
  decided: number;
  on_time: number;
  resolved: number;
  median_days: number | null;
  answers: number;
  satisfaction: number | null;
}

const EMPTY: ScoreFigures = {
  received: 0,
  decided: 0,
  on_time_share: null,
  resolved: 0,
  median_days: null,
  answers: 0,
  satisfaction: null,
};

function figures(r: Row | undefined): ScoreFigures {
  if (!r) return EMPTY;
  return {
    received: r.received,
    decided: r.decided,
    on_time_share: gated(r.decided > 0 ? r.on_time / r.decided : null, r.decided),
    resolved: r.resolved,
    median_days: gated(r.median_days, r.resolved),
    answers: r.answers,
    satisfaction: gated(r.satisfaction, r.answers),
  };
}

/** In the dashboard's read-only transaction: one snapshot for every figure. */
export function buildScorecard(db: Db, now: Date): Promise<Scorecard> {
  return inFiguresTransaction(db, (tx) => computeScorecard(tx, now));
}

async function computeScorecard(db: Queryable, now: Date): Promise<Scorecard> {
  const jurisdiction = await getJurisdiction(db);
  const today = localDate(now, jurisdiction.calendar.time_zone);
  const to = addDays(today, 1);
  const from = monthStart(today, -11);
  const cells = await cellFigures(
    db,
    { timeZone: jurisdiction.calendar.time_zone, today },
    { from, to },
    SETS,
  );
  const rows: Row[] = cells.map((r) => ({
    month: r.month,
    group_code: r.group_code,
    service_code: r.service_code,
    received: Number(r['received'] ?? 0),
    decided: Number(r['res_judged'] ?? 0),
    on_time: Number(r['res_on_time'] ?? 0),
    resolved: Number(r['res_n'] ?? 0),
    median_days: r['res_median'] ?? null,
    answers: Number(r['answers'] ?? 0),
    satisfaction: r['average'] ?? null,
  }));
  const services = await db.query<{ service_code: string; group_code: string; data: ServiceData }>(
    'SELECT service_code, group_code, data FROM services WHERE active ORDER BY position, service_code',
  );
  const key = (r: Pick<Row, 'service_code' | 'group_code' | 'month'>): string =>
    [r.month ?? '', r.group_code ?? '', r.service_code ?? ''].join('|');
  const byKey = new Map(rows.map((r) => [key(r), r]));
  const months = trendMonths(from, to);
  const at = (month: string | null, group: string | null, service: string | null): Row | undefined =>
    byKey.get([month ?? '', group ?? '', service ?? ''].join('|'));
  const trend = (group: string | null, service: string | null) =>
    months.map((month) => ({ month, figures: figures(at(month, group, service)) }));
  const groupCodes = [...new Set(services.map((s) => s.group_code))];
  return {
    jurisdiction: jurisdiction.name,
    period: { from, to, today },
    min_n: MIN_N,
    council: { figures: figures(at(null, null, null)), trend: trend(null, null) },
    groups: groupCodes.map((g) => {
      const first = services.find((s) => s.group_code === g)?.data;
      return {
        code: g,
        names: names(first, 'group'),
        figures: figures(at(null, g, null)),
        trend: trend(g, null),
      };
    }),
    services: services.map((s) => ({
      code: s.service_code,
      group_code: s.group_code,
      names: names(s.data, 'service_name'),
      level_days: s.data.service_level_days,
      figures: figures(at(null, s.group_code, s.service_code)),
      trend: trend(s.group_code, s.service_code),
    })),
  };
}

interface ServiceData {
  service_name: string;
  group: string;
  service_level_days: number;
  i18n?: Partial<Record<string, { service_name?: string; group?: string }>>;
}

/** The English name and every translation the catalog has: the page picks its language offline. */
function names(
  data: ServiceData | undefined,
  field: 'group' | 'service_name',
): Partial<Record<string, string>> {
  if (!data) return {};
  const out: Partial<Record<string, string>> = { en: data[field] };
  for (const lang of LANGUAGE_CODES) {
    const t = data.i18n?.[lang]?.[field];
    if (t) out[lang] = t;
  }
  return out;
}

export { EMPTY as EMPTY_SCORE };
