/**
 * Periods as local dates: [from, to) with `to` exclusive, the 12-month trend
 * window ending with the period, and the request query that picks them.
 */
import { z } from 'zod';
import { SEGMENTS } from './sql';

const DAY_MS = 86_400_000;
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  // zod runs this even when the pattern failed: a text that is no date at all must answer false, not throw.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'not a date');

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month `n` months after the month of `day`. */
export function monthStart(day: string, n = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + n;
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** The 12 months ending with the month of the period's last day. */
export function trendStart(to: string): string {
  return monthStart(addDays(to, -1), -11);
}

export const MAX_PERIOD_DAYS = 732;

export const dashboardQuerySchema = z
  .strictObject({
    from: date.optional(),
    to: date.optional(),
    service: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    group: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    segment: z.enum(SEGMENTS).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS <= MAX_PERIOD_DAYS, {
    message: 'at most two years',
    path: ['to'],
  });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** The period asked for, or by default the current month up to and including today. */
export function resolvePeriod(q: DashboardQuery, today: string): { from: string; to: string } {
  const to = q.to ?? addDays(today, 1);
  const from = q.from ?? (q.to ? monthStart(addDays(to, -1)) : monthStart(today));
  return { from, to };
}
