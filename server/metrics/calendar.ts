/**
 * The working-day calendar in SQL. work_calendar holds every local date from
 * 2000 to 2099 with whether it is a working day — decided by isWorkingDay from
 * src/core/service-level.ts, so the figures count days exactly as due dates
 * do — and `cum`, the working days up to and including it. Working days
 * between two local dates a < b are then cum(b) - cum(a), the same rule as
 * workingDaysBetween (start date not counted, end date counted), and the
 * service-level due date is the working day whose cum is cum(start) + level.
 *
 * A statement trigger (migration 0006) applies it to each request as it is
 * written, into request_facts — precomputed at acknowledge/resolve time, as
 * the figures must be fast on PGlite — and refilling the calendar recomputes
 * every request's facts, so a holiday added later still corrects the figures.
 * Whether an open request is overdue is decided at query time against today.
 */
import { createHash } from 'node:crypto';
import type { Calendar } from '../../src/core/catalog';
import { isWorkingDay } from '../../src/core/service-level';
import { getJurisdiction } from '../catalog/store';
import type { Db } from '../db/types';

export const CALENDAR_FIRST = '2000-01-01';
export const CALENDAR_LAST = '2099-12-31';
const DAY_MS = 86_400_000;

function calendarHash(cal: Calendar): string {
  const canonical = {
    working_days: [...new Set(cal.working_days)].sort(),
    holidays: [...new Set(cal.holidays)].sort(),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Every day of the range with its working flag and running count. */
export function calendarRows(cal: Calendar): { days: string[]; working: boolean[]; cum: number[] } {
  const days: string[] = [];
  const working: boolean[] = [];
  const cum: number[] = [];
  let count = 0;
  const last = Date.parse(`${CALENDAR_LAST}T00:00:00Z`);
  for (let t = Date.parse(`${CALENDAR_FIRST}T00:00:00Z`); t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const w = isWorkingDay(day, cal);
    if (w) count++;
    days.push(day);
    working.push(w);
    cum.push(count);
  }
  return { days, working, cum };
}

/** Recomputes request_facts (migration 0006) for every request: after the calendar or the catalog changed. */
export const REFRESH_ALL_FACTS = `INSERT INTO request_facts SELECT * FROM request_facts_source
  ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, sub_d = EXCLUDED.sub_d, ack_d = EXCLUDED.ack_d,
    res_d = EXCLUDED.res_d, end_d = EXCLUDED.end_d, level_due = EXCLUDED.level_due, ack_due = EXCLUDED.ack_due,
    ack_wd = EXCLUDED.ack_wd, res_wd = EXCLUDED.res_wd, rating = EXCLUDED.rating, fixed = EXCLUDED.fixed`;

/**
 * Fills work_calendar from the jurisdiction's calendar when it is empty or was
 * filled from another calendar. Returns true when it (re)filled.
 */
export async function refreshWorkCalendar(db: Db): Promise<boolean> {
  const { calendar } = await getJurisdiction(db);
  const hash = calendarHash(calendar);
  const [current] = await db.query<{ hash: string }>('SELECT hash FROM work_calendar_source WHERE id = 1');
  if (current?.hash === hash) return false;
  const rows = calendarRows(calendar);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM work_calendar');
    // One statement for all 36,525 days: arrays unnested server-side.
    await tx.query(
      `INSERT INTO work_calendar (day, working, cum)
       SELECT * FROM unnest($1::date[], $2::boolean[], $3::int[])`,
      [rows.days, rows.working, rows.cum],
    );
    await tx.exec(REFRESH_ALL_FACTS);
    await tx.query(
      `INSERT INTO work_calendar_source (id, hash) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, filled_at = now()`,
      [hash],
    );
  });
  return true;
}
