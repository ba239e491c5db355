/**
 * Dates and numbers in the person's language, through Intl. Formatters are
 * cached per language because pages format many rows.
 */
import type { Lang } from '../core/lang';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: Lang, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let f = cache.get(key);
  if (!(f instanceof Intl.DateTimeFormat)) {
    f = new Intl.DateTimeFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A calendar date 'YYYY-MM-DD' (a due date, in the jurisdiction's calendar)
 * as words, e.g. "Friday 27 November 2026". Formatted in UTC so the day
 * never shifts with the phone's time zone.
 */
export function formatDay(date: string, lang: Lang): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return dateFormat(lang, 'day', { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}

/** An instant (ISO 8601) or a local date-time as typed, in the phone's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(lang, 'datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatShortDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(lang, 'short', { dateStyle: 'medium' }).format(d);
}

export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(n);
}

/** Bytes as megabytes or gigabytes, e.g. "12 MB". */
export function formatBytes(bytes: number, lang: Lang): string {
  const gb = bytes / 1e9;
  const unit = gb >= 1 ? 'gigabyte' : 'megabyte';
  const value = gb >= 1 ? gb : bytes / 1e6;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
