/** The dashboard's CSV files and the view it keeps in the address. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/routes/staff/dashboard/csv';
import { monthFrom, readView, viewHref, viewQuery } from '../../../../src/routes/staff/dashboard/state';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, leaves numbers as they are and empties nulls', () => {
    expect(
      toCsv(
        ['Service', 'Share'],
        [
          ['Roads, streets', 0.25],
          ['The "big" one\nsecond line', null],
        ],
      ),
    ).toBe('Service,Share\r\n"Roads, streets",0.25\r\n"The ""big"" one\nsecond line",\r\n');
  });

  it('keeps a spreadsheet from running text as a formula, but not a negative number', () => {
    expect(toCsv(['a', 'b', 'c'], [['=HYPERLINK("x")', '-0.42', -0.42]])).toBe(
      'a,b,c\r\n"\'=HYPERLINK(""x"")",-0.42,-0.42\r\n',
    );
    expect(toCsv(['a'], [['@SUM(A1)'], ['-x']])).toBe("a\r\n'@SUM(A1)\r\n'-x\r\n");
  });
});

describe('the view in the address', () => {
  it('reads what it knows and falls back for the rest', () => {
    expect(readView({ period: '12-months', service: 'pothole', segment: 'area' })).toEqual({
      period: '12-months',
      service: 'pothole',
      group: '',
      segment: 'area',
    });
    expect(readView({ period: 'forever', service: '<script>', segment: 'colour' })).toEqual({
      period: 'month',
      service: '',
      group: '',
      segment: 'channel',
    });
  });

  it('writes only what differs from the default, and reads it back the same', () => {
    const v = { period: 'last-month', service: '', group: 'waste', segment: 'channel' } as const;
    expect(viewHref(v)).toBe('/staff/dashboard?period=last-month&group=waste');
    expect(readView(Object.fromEntries(new URL(viewHref(v), 'http://x').searchParams))).toEqual(v);
  });

  it('turns periods into local dates, across the turn of the year', () => {
    const jan = new Date(2026, 0, 15);
    expect(monthFrom(jan, -1)).toBe('2025-12-01');
    const view = { service: '', group: '', segment: 'channel' } as const;
    expect(viewQuery({ ...view, period: 'last-month' }, jan)).toMatchObject({
      from: '2025-12-01',
      to: '2026-01-01',
    });
    expect(viewQuery({ ...view, period: '12-months' }, jan)).toMatchObject({ from: '2025-02-01' });
    expect(viewQuery({ ...view, period: 'month' }, jan)).not.toHaveProperty('from');
  });
});
