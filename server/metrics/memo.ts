/**
 * Staff minutes and what-matters-most for whole months, kept once computed
 * (work_month_memo, matters_month_memo; migration 0017). Both read every
 * event of a period's requests — 300,000 rows in a year of 100,000 — so a
 * whole month's figures per service are stored with the month's version and
 * stand while it has not moved (any change to a request, its events or its
 * visits moves it). A month only partly in the period, or one changed since,
 * is computed from the requests as before: the same SQL (workRows,
 * mattersRows) fills the memo and answers live, so both give the same sums.
 */
import { sqlState, type Db, type Queryable } from '../db/types';
import { hasStaffMinutes } from '../demo/rows';
import { MEASURES } from './matters';
import { monthStart } from './period';
import { DIGITAL_CHANNELS, FINISHED_SQL, Params, type Scope } from './sql';
import { splitRange } from './months';

type Range = [string, string];

/** The scope's filters over `s` (services), each with its leading AND. */
export function scopeFilters(p: Params, scope: Scope): string {
  const where: string[] = [];
  if (scope.service) where.push(`s.service_code = ${p.add(scope.service)}`);
  if (scope.group) where.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) where.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  return where.map((w) => ` AND ${w}`).join('');
}

function inRanges(p: Params, ranges: readonly Range[]): string {
  if (ranges.length === 0) return 'false';
  return `(${ranges.map(([a, b]) => `(f.sub_d >= ${p.add(a)}::date AND f.sub_d < ${p.add(b)}::date)`).join(' OR ')})`;
}

/**
 * Per month, service and action: requests with time recorded, actions, minutes (desk
 * events and visits). Each request's events by its index: a few days' requests must
 * not read every event there is.
 */
export async function workRows(
  db: Queryable,
  p: Params,
  ranges: readonly Range[],
  and: string,
): Promise<string> {
  const desk = await hasStaffMinutes(db);
  const deskRows = desk
    ? `SELECT e.kind AS action, e.staff_minutes::float8 AS minutes FROM request_events e
       WHERE e.request_id = f.request_id AND e.staff_minutes IS NOT NULL UNION ALL`
    : '';
  return `SELECT date_trunc('month', f.sub_d)::date AS month, f.service_code, w.action,
      count(DISTINCT f.request_id)::int AS requests, count(*)::int AS actions, sum(w.minutes)::float8 AS minutes
    FROM request_facts f JOIN services s ON s.service_code = f.service_code
    CROSS JOIN LATERAL (${deskRows} SELECT 'visit', v.minutes::float8 FROM visits v
      WHERE v.request_id = f.request_id AND v.minutes IS NOT NULL) w
    WHERE ${inRanges(p, ranges)}${and}
    GROUP BY 1, 2, 3`;
}

/** Per month, service and measure: exact sums for Pearson's r of the rating with the measure. */
export function mattersRows(p: Params, ranges: readonly Range[], and: string): string {
  const where = `${inRanges(p, ranges)} AND f.rating IS NOT NULL${and}`;
  const kinds = `('acknowledged', 'status_changed', 'note', 'duplicate')`;
  return `WITH ev AS (
      SELECT e.request_id,
        count(*) FILTER (WHERE e.public AND e.kind IN ${kinds}) AS updates,
        count(*) FILTER (WHERE e.kind = 'status_changed' AND e.status_from IN ${FINISHED_SQL}
          AND e.status_to NOT IN ${FINISHED_SQL}) AS reopenings
      FROM request_facts f JOIN services s ON s.service_code = f.service_code
      JOIN request_events e ON e.request_id = f.request_id
      WHERE ${where} AND e.kind IN ${kinds}
      GROUP BY e.request_id
    ),
    x AS (
      SELECT date_trunc('month', f.sub_d)::date AS month, f.service_code, f.rating::numeric AS y,
        f.ack_wd::numeric AS acknowledge_days, f.res_wd::numeric AS resolve_days,
        coalesce(ev.updates, 0)::numeric AS updates, coalesce(ev.reopenings, 0)::numeric AS reopenings,
        (f.channel = ANY(${p.add(DIGITAL_CHANNELS)}::text[]))::int::numeric AS digital,
        CASE WHEN f.res_d IS NOT NULL THEN (f.res_d > f.level_due)::int::numeric END AS late
      FROM request_facts f JOIN services s ON s.service_code = f.service_code
      LEFT JOIN ev ON ev.request_id = f.request_id
      WHERE ${where}
    )
    SELECT x.month, x.service_code, m.measure, count(m.v) AS n, coalesce(sum(m.v), 0) AS sx,
      coalesce(sum(x.y) FILTER (WHERE m.v IS NOT NULL), 0) AS sy, coalesce(sum(m.v * m.v), 0) AS sxx,
      coalesce(sum(x.y * x.y) FILTER (WHERE m.v IS NOT NULL), 0) AS syy, coalesce(sum(m.v * x.y), 0) AS sxy
    FROM x CROSS JOIN LATERAL (VALUES ${MEASURES.map((m) => `('${m}', x.${m})`).join(', ')}) m (measure, v)
    GROUP BY 1, 2, 3`;
}

/** The period's whole months with a memo still current, and the ranges to compute from the requests. */
export async function memoSplit(
  db: Queryable,
  range: { from: string; to: string },
): Promise<{ months: string[]; live: Range[] }> {
  const { whole, days } = splitRange(range.from, range.to);
  if (!whole) return { months: [], live: days };
  const fresh = await db.query<{ month: string }>(
    `SELECT to_char(k.month, 'YYYY-MM-DD') AS month FROM figure_month_memo k
     LEFT JOIN figure_month_versions v ON v.month = k.month
     WHERE k.month >= $1::date AND k.month < $2::date AND k.version = coalesce(v.version, 0)`,
    whole,
  );
  const months = new Set(fresh.map((r) => r.month));
  const live = [...days];
  for (let m = whole[0]; m < whole[1]; m = monthStart(m, 1))
    if (!months.has(m)) live.push([m, monthStart(m, 1)]);
  return { months: [...months], live };
}

/**
 * Computes and keeps the memo of the whole months of [from, to) that have none
 * or an old one, in a transaction of its own (the figures' is read-only). Two
 * refreshes at once: the loser's months are simply computed live this time.
 */
export async function refreshMemos(db: Db, range: { from: string; to: string }): Promise<void> {
  const { whole } = splitRange(range.from, range.to);
  if (!whole) return;
  try {
    await db.transaction(async (tx) => {
      // One snapshot: the versions read are the ones the sums are computed at.
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const stale = await tx.query<{ month: string; version: number }>(
        `SELECT to_char(m, 'YYYY-MM-DD') AS month, coalesce(v.version, 0)::int8 AS version
         FROM generate_series($1::date, $2::date - 1, interval '1 month') m
         LEFT JOIN figure_month_versions v ON v.month = m::date
         LEFT JOIN figure_month_memo k ON k.month = m::date
         WHERE k.version IS DISTINCT FROM coalesce(v.version, 0)`,
        whole,
      );
      if (stale.length === 0) return;
      const months = stale.map((r) => r.month);
      const ranges = months.map((m): Range => [m, monthStart(m, 1)]);
      await tx.query('DELETE FROM work_month_memo WHERE month = ANY($1::date[])', [months]);
      await tx.query('DELETE FROM matters_month_memo WHERE month = ANY($1::date[])', [months]);
      const pw = new Params();
      await tx.query(`INSERT INTO work_month_memo ${await workRows(tx, pw, ranges, '')}`, pw.values);
      const pm = new Params();
      await tx.query(`INSERT INTO matters_month_memo ${mattersRows(pm, ranges, '')}`, pm.values);
      await tx.query(
        `INSERT INTO figure_month_memo SELECT * FROM unnest($1::date[], $2::int8[])
         ON CONFLICT (month) DO UPDATE SET version = EXCLUDED.version`,
        [months, stale.map((r) => r.version)],
      );
    });
  } catch (err) {
    if (!['23505', '40001', '40P01'].includes(sqlState(err) ?? '')) throw err;
  }
}
