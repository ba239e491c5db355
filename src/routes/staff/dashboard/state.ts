/**
 * The dashboard's view lives in the address: a period (this month, last
 * month, the last 3 or 12 months), a service or group, and the segment to
 * split by. Periods become the API's local dates [from, to), counted on the
 * desk's own calendar; the server's default is the current month.
 */
import { SEGMENTS, type DashboardQuery, type Segment } from '../../../sync/staff/dashboard';

export const PERIODS = ['month', 'last-month', '3-months', '12-months'] as const;
export type Period = (typeof PERIODS)[number];

export interface View {
  readonly period: Period;
  readonly service: string;
  readonly group: string;
  readonly segment: Segment;
}

type Search = Partial<Record<string, string | string[]>>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const code = (v: string): string => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : '');

export function readView(search: Search): View {
  const period = one(search['period']);
  const segment = one(search['segment']);
  return {
    period: (PERIODS as readonly string[]).includes(period) ? (period as Period) : 'month',
    service: code(one(search['service'])),
    group: code(one(search['group'])),
    segment: (SEGMENTS as readonly string[]).includes(segment) ? (segment as Segment) : 'channel',
  };
}

export function viewHref(v: View): string {
  const q = new URLSearchParams();
  if (v.period !== 'month') q.set('period', v.period);
  if (v.service) q.set('service', v.service);
  if (v.group) q.set('group', v.group);
  if (v.segment !== 'channel') q.set('segment', v.segment);
  const s = q.toString();
  return `/staff/dashboard${s ? `?${s}` : ''}`;
}

/** The first day of the month `n` months from `today`'s month, 'YYYY-MM-DD'. */
export function monthFrom(today: Date, n: number): string {
  return new Date(Date.UTC(today.getFullYear(), today.getMonth() + n, 1)).toISOString().slice(0, 10);
}

export function viewQuery(v: View, today = new Date()): DashboardQuery {
  const range: Record<Period, { from?: string; to?: string }> = {
    month: {},
    'last-month': { from: monthFrom(today, -1), to: monthFrom(today, 0) },
    '3-months': { from: monthFrom(today, -2) },
    '12-months': { from: monthFrom(today, -11) },
  };
  return {
    ...range[v.period],
    ...(v.service ? { service: v.service } : {}),
    ...(v.group ? { group: v.group } : {}),
    segment: v.segment,
  };
}
