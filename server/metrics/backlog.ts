/**
 * Backlog and overdue over time: at the end of each month (today for the
 * current month), how many requests were open and how many of those were
 * past their service level. Computed from per-month changes and a running
 * sum (one pass over the requests, not one per month): a request adds 1 to
 * the backlog on the day it came in and takes it off the day after it
 * finished; it adds 1 to overdue the day after its level date and takes it
 * off the day after it finished, if that was later.
 * Reopened requests count by their present state: the history of a request
 * that was finished and reopened is not replayed.
 * The per-request deltas are pre-aggregated per day and service in
 * request_day_deltas (migration 0011, kept by triggers on request_facts), so
 * this reads a few rows per day instead of every request ever made.
 */
import type { Queryable } from '../db/types';
import { Params, type Scope } from './sql';

export interface BacklogPoint {
  /** First day of the month. */
  readonly month: string;
  /** The local date the snapshot is taken on: the month's last day, or today. */
  readonly on: string;
  readonly backlog: number;
  readonly overdue: number;
}

export async function backlogOverTime(
  db: Queryable,
  scope: Scope,
  range: { trendFrom: string; to: string },
): Promise<BacklogPoint[]> {
  const p = new Params();
  const where: string[] = [];
  if (scope.service) where.push(`d.service_code = ${p.add(scope.service)}`);
  if (scope.group) where.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) where.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  const start = p.add(range.trendFrom);
  const to = p.add(range.to);
  const today = p.add(scope.today);
  // Requests submitted on or after `to` need no filter of their own: every delta of
  // theirs falls after the last snapshot, which drops it.
  return db.query<BacklogPoint>(
    `WITH months AS (
       SELECT m::date AS month,
         least((m + interval '1 month')::date, ${to}::date, ${today}::date + 1) - 1 AS on_day
       FROM generate_series(${start}::date, ${to}::date - 1, interval '1 month') m
       WHERE m::date <= ${today}::date
     ),
     -- Changes before the first month fold into it; changes after the last snapshot are dropped.
     buckets AS (
       SELECT greatest(date_trunc('month', d.day)::date, ${start}::date) AS month,
         sum(d.backlog) AS db, sum(d.overdue) AS dov
       FROM request_day_deltas d JOIN services s ON s.service_code = d.service_code
       WHERE d.day <= (SELECT max(on_day) FROM months) ${where.length ? `AND ${where.join(' AND ')}` : ''}
       GROUP BY 1
     )
     SELECT to_char(m.month, 'YYYY-MM-DD') AS month, to_char(m.on_day, 'YYYY-MM-DD') AS on,
       (sum(coalesce(k.db, 0)) OVER w)::int AS backlog, (sum(coalesce(k.dov, 0)) OVER w)::int AS overdue
     FROM months m LEFT JOIN buckets k ON k.month = m.month
     WINDOW w AS (ORDER BY m.month)
     ORDER BY m.month`,
    p.values,
  );
}
