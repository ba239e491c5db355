/**
 * Abandoned drafts, from devices' anonymous counts (draft_counts, filled by
 * draft_report sync events): started and abandoned per service, the abandon
 * rate, and at which step people stopped, in the period's local days; and
 * started and abandoned per month of the 12-month trend.
 */
import type { Queryable } from '../db/types';
import type { Scope } from './sql';
import { Params } from './sql';

export interface DraftFigures {
  readonly started: number;
  readonly abandoned: number;
  readonly rate: number | null;
  readonly by_service: { service_code: string; started: number; abandoned: number; rate: number | null }[];
  /** Abandoned drafts by the step (0 = first) people last saw. */
  readonly by_step: { step: number; abandoned: number }[];
  readonly by_language: { language: string; started: number; abandoned: number }[];
  /** Each month of the trend window that has reports, oldest first (first day of the month). */
  readonly by_month: { month: string; started: number; abandoned: number; rate: number | null }[];
}

function filters(p: Params, scope: Scope, range: { from: string; to: string }): string {
  const where = [`d.day >= ${p.add(range.from)}::date`, `d.day < ${p.add(range.to)}::date`];
  if (scope.service) where.push(`d.service_code = ${p.add(scope.service)}`);
  if (scope.group) where.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) where.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  return where.join(' AND ');
}

export async function draftFigures(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string; trendFrom?: string },
): Promise<DraftFigures> {
  const p = new Params();
  const where = filters(p, scope, range);
  const rows = await db.query<{
    g: number;
    service_code: string | null;
    language: string | null;
    step: number | null;
    started: number;
    abandoned: number;
  }>(
    `SELECT grouping(d.service_code, d.language, d.step)::int AS g, d.service_code, d.language, d.step,
       coalesce(sum(d.n) FILTER (WHERE d.kind = 'started'), 0)::int AS started,
       coalesce(sum(d.n) FILTER (WHERE d.kind = 'abandoned'), 0)::int AS abandoned
     FROM draft_counts d JOIN services s ON s.service_code = d.service_code
     WHERE ${where}
     GROUP BY GROUPING SETS ((), (d.service_code), (d.language), (d.step))`,
    p.values,
  );
  const pm = new Params();
  const months = range.trendFrom
    ? await db.query<{ month: string; started: number; abandoned: number }>(
        `SELECT to_char(date_trunc('month', d.day), 'YYYY-MM-DD') AS month,
           coalesce(sum(d.n) FILTER (WHERE d.kind = 'started'), 0)::int AS started,
           coalesce(sum(d.n) FILTER (WHERE d.kind = 'abandoned'), 0)::int AS abandoned
         FROM draft_counts d JOIN services s ON s.service_code = d.service_code
         WHERE ${filters(pm, scope, { from: range.trendFrom, to: range.to })}
         GROUP BY 1 ORDER BY 1`,
        pm.values,
      )
    : [];
  const rate = (a: number, s: number): number | null => (s > 0 ? a / s : null);
  // grouping() bits: service 4, language 2, step 1 — a set is the one bit left clear.
  const total = rows.find((r) => r.g === 7);
  return {
    started: total?.started ?? 0,
    abandoned: total?.abandoned ?? 0,
    rate: rate(total?.abandoned ?? 0, total?.started ?? 0),
    by_service: rows
      .filter((r) => r.g === 3)
      .map((r) => ({
        service_code: r.service_code ?? '',
        started: r.started,
        abandoned: r.abandoned,
        rate: rate(r.abandoned, r.started),
      }))
      .sort((a, b) => a.service_code.localeCompare(b.service_code)),
    by_step: rows
      .filter((r) => r.g === 6 && r.step !== null && r.step >= 0)
      .map((r) => ({ step: r.step ?? 0, abandoned: r.abandoned }))
      .sort((a, b) => a.step - b.step),
    by_language: rows
      .filter((r) => r.g === 5)
      .map((r) => ({ language: r.language ?? '', started: r.started, abandoned: r.abandoned }))
      .sort((a, b) => a.language.localeCompare(b.language)),
    by_month: months.map((m) => ({ ...m, rate: rate(m.abandoned, m.started) })),
  };
}
