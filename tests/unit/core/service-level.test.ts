import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../src/core/catalog';
import {
  addWorkingDays,
  dueDate,
  endOfLocalDayIso,
  isOverdue,
  isWorkingDay,
  localDate,
  workingDaysBetween,
} from '../../../src/core/service-level';

const monFri = (time_zone: string, holidays: string[] = []): Calendar => ({
  time_zone,
  working_days: [1, 2, 3, 4, 5],
  holidays,
});
const london = monFri('Europe/London', ['2026-12-25', '2026-12-28', '2027-01-01']);
const newYork = monFri('America/New_York');
const lagos = monFri('Africa/Lagos');
/** Friday and Saturday off, as in much of the Gulf. */
const gulf: Calendar = { time_zone: 'Asia/Riyadh', working_days: [7, 1, 2, 3, 4], holidays: [] };
const weekendsOnly: Calendar = { time_zone: 'UTC', working_days: [6, 7], holidays: [] };

/** Hours, minutes, seconds and date of an instant on a zone's wall clock. */
const wall = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));

/** A date string for day n after 1970-01-01. */
const dayString = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
const dayNumbers = fc.integer({ min: 7300, max: 24800 }); // 1989 … 2037
const dates = dayNumbers.map(dayString);

describe('localDate', () => {
  it('is the calendar date on the zone’s clock', () => {
    expect(localDate(new Date('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-02');
    expect(localDate(new Date('2026-01-01T23:30:00Z'), 'Europe/London')).toBe('2026-01-01');
    expect(localDate(new Date('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-08T05:30:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDate(new Date('2026-11-23T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-24');
    expect(localDate(new Date('2026-11-23T10:00:00Z'), 'Pacific/Pago_Pago')).toBe('2026-11-22');
  });

  it('pads years before 1000', () => {
    expect(localDate(new Date('0999-06-15T12:00:00Z'), 'UTC')).toBe('0999-06-15');
  });

  it('rejects an unknown time zone', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('follows the working weekdays and the holidays', () => {
    expect(isWorkingDay('2026-11-23', london)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28', london)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25', london)).toBe(false); // Friday, holiday
    expect(isWorkingDay('2026-11-27', gulf)).toBe(false); // Friday
    expect(isWorkingDay('2026-11-29', gulf)).toBe(true); // Sunday
    expect(isWorkingDay('2026-11-28', weekendsOnly)).toBe(true);
    expect(isWorkingDay('2026-11-23', weekendsOnly)).toBe(false);
  });

  it('ignores a holiday that falls on a day off anyway', () => {
    expect(isWorkingDay('2026-11-28', monFri('UTC', ['2026-11-28']))).toBe(false);
  });

  it.each(['2026-02-30', '2026-13-01', '26-11-23', '2026-11-23T00:00', ''])('rejects %j', (d) => {
    expect(() => isWorkingDay(d, london)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts only working days after the date', () => {
    expect(addWorkingDays('2026-11-23', 1, london)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-27', 1, london)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-23', 5, london)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1, london)).toBe('2026-11-30');
  });

  it('skips holidays, including ones next to a weekend', () => {
    // Thu 24 Dec + 1: Fri 25 holiday, weekend, Mon 28 holiday → Tue 29.
    expect(addWorkingDays('2026-12-24', 1, london)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 3, london)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-24', 4, london)).toBe('2027-01-04'); // 1 January off too
  });

  it('works with a Friday–Saturday weekend and a weekend-only calendar', () => {
    expect(addWorkingDays('2026-11-26', 1, gulf)).toBe('2026-11-29'); // Thu → Sun
    expect(addWorkingDays('2026-11-23', 1, weekendsOnly)).toBe('2026-11-28');
    expect(addWorkingDays('2026-11-28', 2, weekendsOnly)).toBe('2026-12-05');
  });

  it('returns the date itself for n = 0 and counts backwards for n < 0', () => {
    expect(addWorkingDays('2026-11-28', 0, london)).toBe('2026-11-28');
    expect(addWorkingDays('2026-11-30', -1, london)).toBe('2026-11-27');
    expect(addWorkingDays('2026-12-29', -1, london)).toBe('2026-12-24');
  });

  it('refuses fractional days and a calendar without working days', () => {
    expect(() => addWorkingDays('2026-11-23', 1.5, london)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1, { ...london, working_days: [0, 8] })).toThrow(RangeError);
  });

  it('lands on a working day n working days later, and -n goes back', () => {
    const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), weekdays, fc.array(dates), (d, n, wd, holidays) => {
        const cal: Calendar = { time_zone: 'UTC', working_days: wd, holidays };
        const due = addWorkingDays(d, n, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(due > d).toBe(true);
        const toInstant = (x: string): Date => new Date(`${x}T12:00:00Z`);
        expect(workingDaysBetween(toInstant(d), toInstant(due), cal)).toBe(n);
        if (isWorkingDay(d, cal)) expect(addWorkingDays(due, -n, cal)).toBe(d);
      }),
    );
  });
});

describe('dueDate', () => {
  it('does not count the submission day', () => {
    expect(dueDate(new Date('2026-11-23T08:00:00Z'), 1, london)).toBe('2026-11-24'); // Mon → Tue
    expect(dueDate(new Date('2026-11-28T10:00:00Z'), 1, london)).toBe('2026-11-30'); // Sat → Mon
    expect(dueDate(new Date('2026-11-27T16:00:00Z'), 5, london)).toBe('2026-12-04'); // Fri → Fri
  });

  it('uses the local date of submission, not the UTC date', () => {
    // 23:30 UTC on Monday is 00:30 Tuesday in Lagos.
    expect(dueDate(new Date('2026-11-23T23:30:00Z'), 1, lagos)).toBe('2026-11-25');
    // 03:00 UTC on Tuesday is 22:00 Monday in New York.
    expect(dueDate(new Date('2026-11-24T03:00:00Z'), 1, newYork)).toBe('2026-11-24');
  });

  it('holds across a DST change', () => {
    // Friday before the clocks go forward in New York (8 March 2026), late evening local.
    expect(dueDate(new Date('2026-03-07T04:30:00Z'), 1, newYork)).toBe('2026-03-09');
    // Saturday 23:30 BST after the clocks went back is still Saturday.
    expect(dueDate(new Date('2026-10-24T22:30:00Z'), 1, london)).toBe('2026-10-26');
  });
});

/** Whether the zone's wall clock ever showed that day (hourly instants from 14 h before to 14 h after it). */
const existsIn = (day: number, zone: string): boolean => {
  for (let h = -14; h < 38; h++) {
    if (localDate(new Date((day * 24 + h) * 3_600_000), zone) === dayString(day)) return true;
  }
  return false;
};

describe('endOfLocalDayIso', () => {
  it.each([
    ['2026-11-27', 'Europe/Paris', '2026-11-27T23:59:59+01:00'],
    ['2026-07-01', 'Europe/Paris', '2026-07-01T23:59:59+02:00'],
    ['2026-01-15', 'Europe/London', '2026-01-15T23:59:59+00:00'],
    ['2026-03-29', 'Europe/London', '2026-03-29T23:59:59+01:00'], // clocks went forward that morning
    ['2026-10-25', 'Europe/London', '2026-10-25T23:59:59+00:00'], // clocks went back that morning
    ['2026-03-07', 'America/New_York', '2026-03-07T23:59:59-05:00'],
    ['2026-03-08', 'America/New_York', '2026-03-08T23:59:59-04:00'],
    ['2026-11-01', 'America/New_York', '2026-11-01T23:59:59-05:00'],
    ['2026-11-27', 'Asia/Kathmandu', '2026-11-27T23:59:59+05:45'],
    ['2026-01-15', 'America/St_Johns', '2026-01-15T23:59:59-03:30'],
    ['2026-07-15', 'America/St_Johns', '2026-07-15T23:59:59-02:30'],
    ['2026-11-27', 'UTC', '2026-11-27T23:59:59+00:00'],
    // Clocks went forward at midnight after this day…
    ['2018-11-03', 'America/Sao_Paulo', '2018-11-03T23:59:59-03:00'],
    // …and back at midnight after this one, so 23:00–23:59 happened twice; the later one ends the day.
    ['2019-02-16', 'America/Sao_Paulo', '2019-02-16T23:59:59-03:00'],
    // Samoa skipped 30 December 2011 to cross the date line.
    ['2011-12-29', 'Pacific/Apia', '2011-12-29T23:59:59-10:00'],
    ['2011-12-30', 'Pacific/Apia', '2011-12-30T23:59:59+14:00'],
    ['2011-12-31', 'Pacific/Apia', '2011-12-31T23:59:59+14:00'],
  ])('%s in %s → %s', (date, zone, expected) => {
    expect(endOfLocalDayIso(date, zone)).toBe(expected);
  });

  it('is the last second of that local day in any zone', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'America/Sao_Paulo',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Tehran',
      'Africa/Casablanca',
      'America/St_Johns',
      'Pacific/Kiritimati',
    ];
    fc.assert(
      fc.property(dates, fc.constantFrom(...zones), (date, zone) => {
        const day = new Date(`${date}T00:00:00Z`).getTime() / 86_400_000;
        // A day a zone skipped (Kiritimati had no 31 December 1994) has no last second.
        fc.pre(existsIn(day, zone));
        const iso = endOfLocalDayIso(date, zone);
        expect(iso.startsWith(`${date}T23:59:59`)).toBe(true);
        expect(wall(iso, zone)).toBe(`${date} 23:59:59`);
        const next = new Date(new Date(iso).getTime() + 1000);
        // The second after is the first second of the next day the zone has.
        const following = existsIn(day + 1, zone) ? day + 1 : day + 2;
        expect(localDate(next, zone)).toBe(dayString(following));
      }),
      {
        numRuns: 2000,
        examples: [
          ['1994-12-30', 'Pacific/Kiritimati'],
          ['1994-12-31', 'Pacific/Kiritimati'],
        ],
      },
    );
  });
});

describe('isOverdue', () => {
  it('turns true when the local date passes the due date', () => {
    expect(isOverdue('2026-11-27', new Date('2026-11-27T22:59:59Z'), lagos)).toBe(false); // 23:59:59 local
    expect(isOverdue('2026-11-27', new Date('2026-11-27T23:00:00Z'), lagos)).toBe(true); // 00:00 next day
    expect(isOverdue('2026-11-27', new Date('2026-11-20T12:00:00Z'), lagos)).toBe(false);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the start date up to and including the end date', () => {
    const at = (iso: string): Date => new Date(iso);
    expect(workingDaysBetween(at('2026-11-23T09:00Z'), at('2026-11-23T17:00Z'), london)).toBe(0);
    expect(workingDaysBetween(at('2026-11-23T09:00Z'), at('2026-11-24T09:00Z'), london)).toBe(1);
    expect(workingDaysBetween(at('2026-11-27T09:00Z'), at('2026-11-30T09:00Z'), london)).toBe(1);
    expect(workingDaysBetween(at('2026-12-23T09:00Z'), at('2027-01-04T09:00Z'), london)).toBe(5);
    expect(workingDaysBetween(at('2026-11-26T09:00Z'), at('2026-11-29T09:00Z'), gulf)).toBe(1);
  });

  it('counts 0 when the end is before the start', () => {
    expect(workingDaysBetween(new Date('2026-11-30T09:00Z'), new Date('2026-11-23T09:00Z'), london)).toBe(0);
  });

  it('agrees with counting day by day', () => {
    const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        dayNumbers,
        fc.integer({ min: 0, max: 800 }),
        weekdays,
        fc.array(dates, { maxLength: 30 }),
        (d, span, wd, holidays) => {
          const cal: Calendar = { time_zone: 'UTC', working_days: wd, holidays: [...holidays, ...holidays] };
          const start = new Date(`${dayString(d)}T10:00:00Z`);
          let expected = 0;
          for (let i = 1; i <= span; i++) if (isWorkingDay(dayString(d + i), cal)) expected++;
          expect(workingDaysBetween(start, new Date(start.getTime() + span * 86_400_000), cal)).toBe(
            expected,
          );
        },
      ),
    );
  });

  it('says a request resolved by the end of its due date took its target', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2037-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (at, n) => {
          const due = dueDate(at, n, newYork);
          expect(workingDaysBetween(at, new Date(endOfLocalDayIso(due, newYork.time_zone)), newYork)).toBe(n);
          expect(isOverdue(due, new Date(endOfLocalDayIso(due, newYork.time_zone)), newYork)).toBe(false);
        },
      ),
    );
  });
});
