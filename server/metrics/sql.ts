/**
 * Building the figures' SQL: numbered parameters, the filter every figure
 * shares (period, service, group, the viewer's groups), and the `base` CTE —
 * one row per request with its local dates and working-day durations taken
 * from work_calendar (calendar.ts). Every figure aggregates over `base`.
 */

/** Collects parameter values and hands out their $n placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface Scope {
  /** The jurisdiction's IANA time zone: every local date is taken in it. */
  readonly timeZone: string;
  /** Today's local date 'YYYY-MM-DD' (overdue is judged against it). */
  readonly today: string;
  /** Only this service / group, when set. */
  readonly service?: string | undefined;
  readonly group?: string | undefined;
  /** The viewer's groups (a manager with groups); undefined: every group. */
  readonly groups?: readonly string[] | undefined;
}

/** The days a request waits for its first response before that response counts as late. */
export const ACK_LEVEL_DAYS = 1;

/** Statuses in which the clock no longer runs; resolved and closed count as resolutions. */
export const FINISHED_SQL = `('resolved', 'closed', 'rejected', 'duplicate')`;
export const RESOLVED_SQL = `('resolved', 'closed')`;

/** Channels where the person did it themselves; the rest are taken by staff. */
export const DIGITAL_CHANNELS = ['web', 'kiosk', 'api'] as const;
export const CHANNEL_ORDER = ['web', 'kiosk', 'in_person', 'api', 'phone', 'counter'] as const;

/** The grid cell of a location for the "area" segment: 0.01° (about 1 km) squares, named by their south-west corner. */
export const AREA_SQL = `CASE WHEN b.lat IS NULL OR b.long IS NULL THEN NULL ELSE
  to_char(floor(b.lat * 100) / 100, 'FM990.00') || ',' || to_char(floor(b.long * 100) / 100, 'FM9990.00') END`;

export const SEGMENTS = ['channel', 'language', 'area', 'group', 'service'] as const;
export type Segment = (typeof SEGMENTS)[number];

export function segmentSql(segment: Segment): string {
  switch (segment) {
    case 'channel':
      return 'b.channel';
    case 'language':
      return 'b.language';
    case 'area':
      return AREA_SQL;
    case 'group':
      return 'b.group_code';
    case 'service':
      return 'b.service_code';
  }
}

/** Local midnight of a local date, as a timestamptz expression (so the requests index applies). */
export function localMidnight(p: Params, scope: Scope, date: string): string {
  return `(${p.add(date)}::date::timestamp AT TIME ZONE ${p.add(scope.timeZone)})`;
}

/**
 * The `base` CTE over requests submitted in [fromDate, toDate) (local dates;
 * either may be omitted). Columns:
 *   sub_d, ack_d, res_d, end_d   local dates: submitted, first response, resolved/closed, any finish
 *   level_due, ack_due           the service-level due dates (working days after sub_d)
 *   ack_wd, res_wd               working days to first response / to resolution
 *   open, resolved, overdue_now  state today; overdue_now = open and past level_due
 */
export function baseCte(
  p: Params,
  scope: Scope,
  range: { fromDate?: string | undefined; toDate?: string | undefined },
): string {
  const tz = p.add(scope.timeZone);
  const where: string[] = [];
  if (range.fromDate) where.push(`r.submitted_at >= ${localMidnight(p, scope, range.fromDate)}`);
  if (range.toDate) where.push(`r.submitted_at < ${localMidnight(p, scope, range.toDate)}`);
  if (scope.service) where.push(`r.service_code = ${p.add(scope.service)}`);
  if (scope.group) where.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) where.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  const today = p.add(scope.today);
  return `base AS (
    SELECT r.id, r.service_code, s.group_code, r.channel, r.language, r.status, r.lat, r.long,
      r.rating, r.fixed, t.sub_d, t.ack_d, t.res_d, t.end_d,
      lvl.day AS level_due, ackl.day AS ack_due,
      CASE WHEN t.ack_d IS NOT NULL THEN greatest(0, ca.cum - cs.cum) END AS ack_wd,
      CASE WHEN t.res_d IS NOT NULL THEN greatest(0, cr.cum - cs.cum) END AS res_wd,
      r.status NOT IN ${FINISHED_SQL} AS open,
      r.status IN ${RESOLVED_SQL} AS resolved,
      (r.status NOT IN ${FINISHED_SQL} AND ${today}::date > lvl.day) AS overdue_now,
      (t.ack_d IS NULL AND r.status NOT IN ${FINISHED_SQL} AND ${today}::date > ackl.day) AS ack_overdue_now
    FROM requests r
    JOIN services s ON s.service_code = r.service_code
    CROSS JOIN LATERAL (SELECT
      (r.submitted_at AT TIME ZONE ${tz})::date AS sub_d,
      (coalesce(r.acknowledged_at, CASE WHEN r.status IN ${FINISHED_SQL}
         THEN coalesce(r.resolved_at, r.closed_at, r.updated_at) END) AT TIME ZONE ${tz})::date AS ack_d,
      (CASE WHEN r.status IN ${RESOLVED_SQL} THEN coalesce(r.resolved_at, r.closed_at, r.updated_at) END
         AT TIME ZONE ${tz})::date AS res_d,
      (CASE WHEN r.status IN ${FINISHED_SQL} THEN coalesce(r.resolved_at, r.closed_at, r.updated_at) END
         AT TIME ZONE ${tz})::date AS end_d) t
    JOIN work_calendar cs ON cs.day = t.sub_d
    LEFT JOIN work_calendar lvl ON lvl.working AND lvl.cum = cs.cum + (s.data->>'service_level_days')::int
    LEFT JOIN work_calendar ackl ON ackl.working AND ackl.cum = cs.cum + ${ACK_LEVEL_DAYS}
    LEFT JOIN work_calendar ca ON ca.day = t.ack_d
    LEFT JOIN work_calendar cr ON cr.day = t.res_d
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
  )`;
}
