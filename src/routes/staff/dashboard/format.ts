/**
 * How the dashboard writes its figures, in the desk's language (Intl): whole
 * numbers, one decimal, percentages, months; and the minimum-n rule the
 * server applies to compared figures, applied here to the period's own
 * (fewer than min_n behind a figure: "not enough answers yet").
 */
import { language } from '../../../i18n';
import { st } from '../i18n';

const fmt = (options: Intl.NumberFormatOptions) => (n: number) =>
  new Intl.NumberFormat(language(), options).format(n);

export const whole = (n: number): string => fmt({ maximumFractionDigits: 0 })(n);
export const decimal = (n: number): string => fmt({ maximumFractionDigits: 1, minimumFractionDigits: 1 })(n);
export const percent = (n: number): string => fmt({ style: 'percent', maximumFractionDigits: 0 })(n);
export const signed = (n: number): string =>
  fmt({ maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' })(n);

/** '2026-04-01' as "Apr 2026", in UTC so the month never shifts. */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat(language(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}T00:00:00Z`),
  );
}

export function dayName(day: string): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The value when at least `min` stand behind it, else null ("not enough yet"). */
export const gate = (value: number | null | undefined, n: number, min: number): number | null =>
  value === null || value === undefined || n < min ? null : value;

/** A figure as text, or the words for "not enough answers yet". */
export function shown(value: number | null, format: (n: number) => string): string {
  return value === null ? st('dashboard.notEnough') : format(value);
}
