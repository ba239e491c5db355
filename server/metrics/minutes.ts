/**
 * Staff time: minutes recorded on request events (request_events.staff_minutes,
 * timed or typed on the desk — the desk's migration 0008) and on field visits
 * (visits.minutes), per request and per service for the requests received in
 * the period, and per kind of action. Until the desk's column exists only
 * visits count, and `recorded_on_desk` says so. Whole months come from the
 * memo (memo.ts), the rest from the requests' events.
 */
import type { Queryable } from '../db/types';
import { hasStaffMinutes } from '../demo/rows';
import { memoSplit, scopeFilters, workRows } from './memo';
import { cellFigures } from './months';
import { Params, type Scope } from './sql';

export interface MinutesByService {
  readonly service_code: string;
  readonly requests: number;
  readonly minutes: number;
  /** Minutes over the requests received (all of them, with time recorded or not). */
  readonly per_request: number | null;
}

export interface MinutesByAction {
  readonly action: string;
  readonly actions: number;
  readonly minutes: number;
  readonly per_action: number | null;
}

export interface StaffMinutes {
  readonly recorded_on_desk: boolean;
  readonly requests: number;
  readonly minutes: number;
  readonly per_request: number | null;
  readonly by_service: MinutesByService[];
  readonly by_action: MinutesByAction[];
}

export async function staffMinutes(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string },
): Promise<StaffMinutes> {
  const desk = await hasStaffMinutes(db);
  // Requests received per service from the monthly cells; the work done from the memo
  // of whole months and, for the rest, from the requests' events (memo.ts).
  const received = await cellFigures(db, scope, range, [[], ['service']]);
  const { months, live } = await memoSplit(db, range);
  const p = new Params();
  const and = scopeFilters(p, scope);
  const work = await db.query<{
    service_code: string | null;
    action: string | null;
    g_service: number;
    g_action: number;
    requests: number;
    actions: number;
    minutes: number | null;
  }>(
    `WITH work AS (
       SELECT m.service_code, m.action, m.requests, m.actions, m.minutes FROM work_month_memo m
       JOIN services s ON s.service_code = m.service_code WHERE m.month = ANY(${p.add(months)}::date[])${and}
       UNION ALL SELECT l.service_code, l.action, l.requests, l.actions, l.minutes FROM (${await workRows(db, p, live, and)}) l
     )
     SELECT w.service_code, w.action, grouping(w.service_code)::int AS g_service, grouping(w.action)::int AS g_action,
       sum(w.requests)::int AS requests, sum(w.actions)::int AS actions, sum(w.minutes)::float8 AS minutes
     FROM work w GROUP BY GROUPING SETS ((), (w.service_code), (w.action))`,
    p.values,
  );
  const worked = new Map(work.filter((r) => r.g_service === 0).map((r) => [r.service_code, r.minutes ?? 0]));
  const rows = [
    {
      service_code: null,
      action: null,
      g_service: 1,
      g_action: 1,
      requests: Number(received.find((r) => r.gset === 0)?.['received'] ?? 0),
      actions: 0,
      minutes: work.find((r) => r.g_service === 1 && r.g_action === 1)?.minutes ?? 0,
    },
    ...received
      .filter((r) => r.gset === 1)
      .map((r) => ({
        service_code: r.service_code,
        action: null,
        g_service: 0,
        g_action: 1,
        requests: Number(r['received'] ?? 0),
        actions: 0,
        minutes: worked.get(r.service_code) ?? 0,
      })),
    ...work.filter((r) => r.g_action === 0),
  ];
  const total = rows.find((r) => r.g_service === 1 && r.g_action === 1);
  const per = (m: number, n: number): number | null => (n > 0 ? m / n : null);
  return {
    recorded_on_desk: desk,
    requests: total?.requests ?? 0,
    minutes: total?.minutes ?? 0,
    per_request: per(total?.minutes ?? 0, total?.requests ?? 0),
    by_service: rows
      .filter((r) => r.g_service === 0)
      .map((r) => ({
        service_code: r.service_code ?? '',
        requests: r.requests,
        minutes: r.minutes ?? 0,
        per_request: per(r.minutes ?? 0, r.requests),
      }))
      .sort((a, b) => a.service_code.localeCompare(b.service_code)),
    by_action: rows
      .filter((r) => r.g_action === 0)
      .map((r) => ({
        action: r.action ?? '',
        actions: r.actions,
        minutes: r.minutes ?? 0,
        per_action: per(r.minutes ?? 0, r.actions),
      }))
      .sort((a, b) => a.action.localeCompare(b.action)),
  };
}
