/**
 * GET /api/staff/dashboard for the managers' page: the query it takes and a
 * zod/mini schema of what it answers (server/metrics/dashboard.ts), loose so
 * a newer server may add figures. Nullable figures are "not enough yet".
 */
import { z } from 'zod/mini';
import { call, query, type Result } from './http';

const num = z.number();
const maybe = z.nullable(z.number());

const timingSchema = z.object({
  n: num,
  median: maybe,
  p90: maybe,
  on_time: num,
  judged: num,
  share: maybe,
});

export const figuresSchema = z.object({
  received: num,
  channels: z.record(z.string(), num),
  digital_share: maybe,
  acknowledge: timingSchema,
  resolve: timingSchema,
  open: num,
  overdue: num,
  satisfaction: z.object({
    answers: num,
    average: maybe,
    distribution: z.array(num),
    resolved: num,
    response_rate: maybe,
    fixed: z.object({ yes: num, partly: num, no: num }),
  }),
});
export type Figures = z.infer<typeof figuresSchema>;

export const dashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), today: z.string(), time_zone: z.string() }),
  min_n: num,
  figures: figuresSchema,
  trend: z.array(z.object({ month: z.string(), figures: figuresSchema })),
  backlog: z.array(z.object({ month: z.string(), on: z.string(), backlog: num, overdue: num })),
  segments: z.array(
    z.object({
      key: z.nullable(z.string()),
      received: num,
      digital_share: maybe,
      acknowledge_median: maybe,
      acknowledge_share: maybe,
      resolve_median: maybe,
      resolve_share: maybe,
      answers: num,
      satisfaction: maybe,
      overdue: num,
    }),
  ),
  minutes: z.object({
    requests: num,
    minutes: num,
    per_request: maybe,
    by_service: z.array(
      z.object({ service_code: z.string(), requests: num, minutes: num, per_request: maybe }),
    ),
    by_action: z.array(z.object({ action: z.string(), actions: num, minutes: num, per_action: maybe })),
  }),
  drafts: z.object({
    started: num,
    abandoned: num,
    rate: maybe,
    by_step: z.array(z.object({ step: num, abandoned: num })),
    by_service: z.array(z.object({ service_code: z.string(), started: num, abandoned: num, rate: maybe })),
    by_month: z.array(z.object({ month: z.string(), started: num, abandoned: num, rate: maybe })),
  }),
  what_matters: z.array(z.object({ measure: z.string(), r: maybe, n: num, few: z.boolean() })),
  satisfaction_by_days: z.array(
    z.object({
      service_code: z.string(),
      level_days: num,
      buckets: z.array(z.object({ days: num, answers: num, average: num })),
      falloff_days: maybe,
      before: maybe,
      after: maybe,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const SEGMENTS = ['channel', 'language', 'area', 'group', 'service'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface DashboardQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly service?: string | undefined;
  readonly group?: string | undefined;
  readonly segment?: Segment | undefined;
}

export const fetchDashboard = (q: DashboardQuery): Promise<Result<Dashboard>> =>
  call('GET', `/api/staff/dashboard${query({ ...q })}`, dashboardSchema);
