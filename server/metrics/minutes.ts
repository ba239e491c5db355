/**
 * Staff time: minutes recorded on request events (request_events.staff_minutes,
 * timed or typed on the desk — the desk's migration 0008) and on field visits
 * (visits.minutes), per request and per service for the requests received in
 * the period, and per kind of action. Until the desk's column exists only
 * visits count, and `recorded_on_desk` says so.
 */
import type { Queryable } from '../db/types';
import { hasStaffMinutes } from '../demo/rows';
import { Params, baseCte, type Scope } from './sql';

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
  const p = new Params();
  const base = baseCte(p, scope, { fromDate: range.from, toDate: range.to });
  const deskRows = desk
    ? `SELECT b.service_code, e.request_id, e.kind AS action, e.staff_minutes::float8 AS minutes
       FROM request_events e JOIN base b ON b.request_id = e.request_id WHERE e.staff_minutes IS NOT NULL UNION ALL`
    : '';
  // Two small aggregates: the requests received per service (ROLLUP gives the total),
  // and the work done, by service and by action, in one pass (GROUPING SETS).
  const [received, work] = await Promise.all([
    db.query<{ service_code: string | null; requests: number }>(
      `WITH ${base} SELECT b.service_code, count(*)::int AS requests FROM base b GROUP BY ROLLUP (b.service_code)`,
      p.values,
    ),
    db.query<{
      service_code: string | null;
      action: string | null;
      g_service: number;
      g_action: number;
      requests: number;
      actions: number;
      minutes: number | null;
    }>(
      `WITH ${base},
       work AS (
         ${deskRows}
         SELECT b.service_code, v.request_id, 'visit' AS action, v.minutes::float8 FROM visits v
         JOIN base b ON b.request_id = v.request_id WHERE v.minutes IS NOT NULL
       )
       SELECT w.service_code, w.action, grouping(w.service_code)::int AS g_service, grouping(w.action)::int AS g_action,
         count(DISTINCT w.request_id)::int AS requests, count(*)::int AS actions, sum(w.minutes)::float8 AS minutes
       FROM work w GROUP BY GROUPING SETS ((), (w.service_code), (w.action))`,
      p.values,
    ),
  ]);
  const worked = new Map(work.filter((r) => r.g_service === 0).map((r) => [r.service_code, r.minutes ?? 0]));
  const rows = [
    {
      service_code: null,
      action: null,
      g_service: 1,
      g_action: 1,
      requests: received.find((r) => r.service_code === null)?.requests ?? 0,
      actions: 0,
      minutes: work.find((r) => r.g_service === 1 && r.g_action === 1)?.minutes ?? 0,
    },
    ...received
      .filter((r) => r.service_code !== null)
      .map((r) => ({
        service_code: r.service_code,
        action: null,
        g_service: 0,
        g_action: 1,
        requests: r.requests,
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
