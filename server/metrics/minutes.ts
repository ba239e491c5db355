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
    ? `SELECT e.request_id, e.kind AS action, e.staff_minutes::float8 AS minutes
       FROM request_events e JOIN base b ON b.request_id = e.request_id WHERE e.staff_minutes IS NOT NULL UNION ALL`
    : '';
  const rows = await db.query<{
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
       SELECT v.request_id, 'visit' AS action, v.minutes::float8 FROM visits v JOIN base b ON b.request_id = v.request_id
       WHERE v.minutes IS NOT NULL
     ),
     per_request AS (SELECT request_id, action, sum(minutes) AS minutes, count(*) AS actions FROM work GROUP BY 1, 2)
     SELECT NULL AS service_code, NULL AS action, 1 AS g_service, 1 AS g_action,
       (SELECT count(*) FROM base)::int AS requests, 0 AS actions,
       (SELECT sum(minutes) FROM per_request)::float8 AS minutes
     UNION ALL
     SELECT b.service_code, NULL, 0, 1, count(DISTINCT b.request_id)::int, 0, sum(w.minutes)::float8
       FROM base b LEFT JOIN per_request w ON w.request_id = b.request_id GROUP BY b.service_code
     UNION ALL
     SELECT NULL, w.action, 1, 0, count(DISTINCT w.request_id)::int, sum(w.actions)::int, sum(w.minutes)::float8
       FROM per_request w GROUP BY w.action`,
    p.values,
  );
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
