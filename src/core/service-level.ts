/**
 * Service levels: the date by which a person may expect action, counted in
 * working days of the jurisdiction's calendar and time zone, and the working
 * days a request actually took. Dates are local calendar dates 'YYYY-MM-DD';
 * instants are Dates. Time zones are resolved with Intl only, so the same code
 * runs in the page, the service worker and the server.
 */
import type { Calendar } from './catalog';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or undefined when `date` is not a real 'YYYY-MM-DD'. */
function parseDay(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  // Date.UTC rolls 2026-02-30 over to March; the round trip catches it.
  return fromDayNumber(n) === date ? n : undefined;
}

function dayNumber(date: string): number {
  const n = parseDay(date);
  if (n === undefined) throw new RangeError(`not a date: ${date}`);
  return n;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown time zone, which is what we want.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone (Gregorian, 24-hour). */
export function wallClock(
  instantMs: number,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(instantMs)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Local time minus UTC, in milliseconds, at the given instant. */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The calendar date of an instant in a time zone, as 'YYYY-MM-DD'. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
}

function checkCalendar(cal: Calendar): void {
  if (!cal.working_days.some((d) => Number.isInteger(d) && d >= 1 && d <= 7))
    throw new RangeError('calendar has no working days');
}

function isWorkingDayNumber(n: number, cal: Calendar): boolean {
  return cal.working_days.includes(isoWeekday(n)) && !cal.holidays.includes(fromDayNumber(n));
}

export function isWorkingDay(date: string, cal: Calendar): boolean {
  return isWorkingDayNumber(dayNumber(date), cal);
}

/**
 * The n-th working day strictly after `date` (n > 0) or strictly before it
 * (n < 0); n = 0 returns `date` unchanged, working day or not.
 */
export function addWorkingDays(date: string, n: number, cal: Calendar): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  checkCalendar(cal);
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDayNumber(day, cal)) left--;
  }
  return fromDayNumber(day);
}

/**
 * The local date by which to expect action. The submission day itself never
 * counts, even when it is a working day and the request came in at 8 a.m.:
 * day 1 is the first working day strictly after the local submission date.
 * So Monday + 1 → Tuesday, and Saturday + 1 → Monday on a Mon–Fri calendar.
 * This is the rule people can check on a printed receipt without knowing
 * the office's opening hours.
 */
export function dueDate(submittedAt: Date, targetDays: number, cal: Calendar): string {
  return addWorkingDays(localDate(submittedAt, cal.time_zone), targetDays, cal);
}

function formatOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * 23:59:59 local time on `date`, as ISO 8601 with the offset in force at that
 * instant (Open311 expected_datetime), e.g. '2026-11-27T23:59:59+01:00'.
 */
export function endOfLocalDayIso(date: string, timeZone: string): string {
  const wall = dayNumber(date) * DAY_MS + (DAY_MS - 1000);
  // Every offset in force around that day is a candidate; one is right when
  // the instant it gives really shows 23:59:59 on the local clock. When clocks
  // go back at midnight 23:59:59 happens twice and the later one ends the day.
  const candidates = [wall - DAY_MS, wall, wall + DAY_MS].map((t) => offsetMs(t, timeZone));
  let best: number | undefined;
  for (const o of candidates)
    if (offsetMs(wall - o, timeZone) === o && (best === undefined || o < best)) best = o;
  // None fits only when 23:59:59 was skipped (Samoa dropped 30 December 2011). The
  // offset after the jump then names an instant still inside the local day.
  return `${date}T23:59:59${formatOffset(best ?? candidates[2] ?? 0)}`;
}

/** Overdue once the jurisdiction's local date has passed the due date. */
export function isOverdue(due: string, now: Date, cal: Calendar): boolean {
  return dayNumber(localDate(now, cal.time_zone)) > dayNumber(due);
}

/** Working days in the day-number range (from, to]. Whole weeks are counted arithmetically. */
function countWorkingDays(from: number, to: number, cal: Calendar): number {
  const weekdays = new Set(cal.working_days);
  const days = to - from;
  let count = Math.floor(days / 7) * weekdays.size;
  for (let d = from + Math.floor(days / 7) * 7 + 1; d <= to; d++) if (weekdays.has(isoWeekday(d))) count++;
  for (const h of new Set(cal.holidays)) {
    const n = parseDay(h) ?? Number.NaN;
    if (n > from && n <= to && weekdays.has(isoWeekday(n))) count--;
  }
  return count;
}

/**
 * Working days elapsed between two instants, counted like dueDate: the local
 * start date does not count, the local end date does. So a request resolved on
 * its due date took exactly the target. An end before the start (an offline
 * device with a wrong clock) counts as 0 rather than a negative duration.
 */
export function workingDaysBetween(fromInstant: Date, toInstant: Date, cal: Calendar): number {
  const from = dayNumber(localDate(fromInstant, cal.time_zone));
  const to = dayNumber(localDate(toInstant, cal.time_zone));
  return to <= from ? 0 : countWorkingDays(from, to, cal);
}

/**
 * How many working days late a request is at `now`: the working days after
 * its due date up to and including today (local date); 0 when not yet late.
 * A request due Friday is 1 day overdue on Monday (Mon–Fri calendar), not 3.
 */
export function workingDaysOverdue(due: string, now: Date, cal: Calendar): number {
  const from = dayNumber(due);
  const to = dayNumber(localDate(now, cal.time_zone));
  return to <= from ? 0 : countWorkingDays(from, to, cal);
}
