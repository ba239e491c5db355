/**
 * Building the figures' SQL: numbered parameters, the filter every figure
 * shares (period, service, group, the viewer's groups), and the `base` CTE —
 * one row per request with its local dates and working-day durations (from
 * request_facts). Every figure aggregates over `base`.
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

/** The days a request waits for its first response before that response counts as late (also in migration 0006's view). */
export const ACK_LEVEL_DAYS = 1;

/** Statuses in which the clock no longer runs; resolved and closed count as resolutions. */
export const FINISHED_SQL = `('resolved', 'closed', 'rejected', 'duplicate')`;
export const RESOLVED_SQL = `('resolved', 'closed')`;

/** Channels where the person did it themselves; the rest are taken by staff. */
export const DIGITAL_CHANNELS = ['web', 'kiosk', 'api'] as const;
export const CHANNEL_ORDER = ['web', 'kiosk', 'in_person', 'api', 'phone', 'counter'] as const;

export const SEGMENTS = ['channel', 'language', 'area', 'group', 'service'] as const;
export type Segment = (typeof SEGMENTS)[number];

export function segmentSql(segment: Segment): string {
  switch (segment) {
    case 'channel':
      return 'b.channel';
    case 'language':
      return 'b.language';
    case 'area':
      // 0.01° grid cells (about 1 km), computed into request_facts.area.
      return 'b.area';
    case 'group':
      return 'b.group_code';
    case 'service':
      return 'b.service_code';
  }
}

/**
 * The `svc` and `base` CTEs over requests submitted in [fromDate, toDate)
 * (local dates; either may be omitted). `base` reads request_facts (kept by
 * the trigger of migration 0006, with work_calendar applied):
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
  const where: string[] = [];
  if (range.fromDate) where.push(`f.sub_d >= ${p.add(range.fromDate)}::date`);
  if (range.toDate) where.push(`f.sub_d < ${p.add(range.toDate)}::date`);
  if (scope.service) where.push(`f.service_code = ${p.add(scope.service)}`);
  if (scope.group) where.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) where.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  const today = p.add(scope.today);
  return `svc AS MATERIALIZED (SELECT service_code, group_code FROM services),
  base AS (
    SELECT f.*, s.group_code,
      f.status NOT IN ${FINISHED_SQL} AS open,
      f.status IN ${RESOLVED_SQL} AS resolved,
      (f.status NOT IN ${FINISHED_SQL} AND ${today}::date > f.level_due) AS overdue_now,
      (f.ack_d IS NULL AND f.status NOT IN ${FINISHED_SQL} AND ${today}::date > f.ack_due) AS ack_overdue_now
    FROM request_facts f JOIN svc s ON s.service_code = f.service_code
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
  )`;
}
