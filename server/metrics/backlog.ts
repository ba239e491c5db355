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
 */
import type { Queryable } from '../db/types';
import { Params, baseCte, type Scope } from './sql';

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
  const base = baseCte(p, scope, { toDate: range.to });
  const start = p.add(range.trendFrom);
  const to = p.add(range.to);
  const today = p.add(scope.today);
  return db.query<BacklogPoint>(
    `WITH ${base},
     months AS (
       SELECT m::date AS month,
         least((m + interval '1 month')::date, ${to}::date, ${today}::date + 1) - 1 AS on_day
       FROM generate_series(${start}::date, ${to}::date - 1, interval '1 month') m
       WHERE m::date <= ${today}::date
     ),
     deltas AS (
       SELECT b.sub_d AS d, 1 AS db, 0 AS dov FROM base b
       UNION ALL SELECT greatest(b.end_d, b.sub_d) + 1, -1, 0 FROM base b WHERE b.end_d IS NOT NULL
       UNION ALL SELECT b.level_due + 1, 0, 1 FROM base b WHERE b.end_d IS NULL OR b.end_d > b.level_due
       UNION ALL SELECT b.end_d + 1, 0, -1 FROM base b WHERE b.end_d > b.level_due
     ),
     -- Changes before the first month fold into it; changes after the last snapshot are dropped.
     buckets AS (
       SELECT greatest(date_trunc('month', d)::date, ${start}::date) AS month, sum(db) AS db, sum(dov) AS dov
       FROM deltas WHERE d <= (SELECT max(on_day) FROM months) GROUP BY 1
     )
     SELECT to_char(m.month, 'YYYY-MM-DD') AS month, to_char(m.on_day, 'YYYY-MM-DD') AS on,
       (sum(coalesce(k.db, 0)) OVER w)::int AS backlog, (sum(coalesce(k.dov, 0)) OVER w)::int AS overdue
     FROM months m LEFT JOIN buckets k ON k.month = m.month
     WINDOW w AS (ORDER BY m.month)
     ORDER BY m.month`,
    p.values,
  );
}
