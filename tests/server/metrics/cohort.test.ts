/** The period figures on the hand-made month (fixture.ts): counts, durations, the service level, satisfaction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/types';
import { cohortFigures } from '../../../server/metrics/cohort';
import { databases, type OpenedDb } from '../helpers/databases';
import { loadFixture, scope } from './fixture';

const APRIL = { from: '2026-04-01', to: '2026-05-01', trendFrom: '2026-03-01' };

describe.each(databases)('period figures on $name', (target) => {
  let opened: OpenedDb;
  let db: Db;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
    await loadFixture(db);
  });
  afterAll(() => opened.dispose());

  it('counts requests by channel in the local month and the digital share', async () => {
    const { period } = await cohortFigures(db, scope(), APRIL);
    expect(period.received).toBe(6);
    expect(period.channels).toEqual({ web: 2, kiosk: 1, in_person: 0, api: 1, phone: 1, counter: 1 });
    expect(period.digital_share).toBeCloseTo(4 / 6, 10);
  });

  it('takes median and 90th percentile working days, ties and holidays included', async () => {
    const { period } = await cohortFigures(db, scope(), APRIL);
    // First responses 0, 0, 1, 1, 2: median 1; p90 at position 3.6 → 1 + 0.6 × (2 − 1).
    expect(period.acknowledge).toMatchObject({ n: 5, median: 1, on_time: 4, judged: 6 });
    expect(period.acknowledge.p90).toBeCloseTo(1.6, 10);
    // Resolutions 5, 5, 7: median 5; p90 at position 1.8 → 5 + 0.8 × 2.
    expect(period.resolve).toMatchObject({ n: 3, median: 5, on_time: 2 });
    expect(period.resolve.p90).toBeCloseTo(6.6, 10);
  });

  it('counts open requests already past the level as misses (2 of 4, not 2 of 3)', async () => {
    const { period } = await cohortFigures(db, scope(), APRIL);
    expect(period.resolve.judged).toBe(4);
    expect(period.resolve.share).toBe(0.5);
    expect(period.open).toBe(2);
    expect(period.overdue).toBe(1);
    // A week earlier D was not yet late for resolution (due Tue 14): 2 of 3 decided.
    const earlier = await cohortFigures(db, scope({ today: '2026-04-14' }), APRIL);
    expect(earlier.period.resolve).toMatchObject({ on_time: 2, judged: 3 });
    expect(earlier.period.overdue).toBe(0);
  });

  it('gives satisfaction average, distribution, response rate and "is it fixed"', async () => {
    const { period } = await cohortFigures(db, scope(), APRIL);
    expect(period.satisfaction).toEqual({
      answers: 3,
      average: 3,
      distribution: [1, 0, 1, 0, 1],
      resolved: 3,
      response_rate: 1,
      fixed: { yes: 1, partly: 1, no: 1 },
    });
  });

  it('puts 23:30 UTC on 31 March into March or April by the local clock', async () => {
    const { months } = await cohortFigures(db, scope(), APRIL);
    expect([...months.keys()].sort()).toEqual(['2026-03-01', '2026-04-01']);
    expect(months.get('2026-03-01')?.received).toBe(1);
    expect(months.get('2026-04-01')?.received).toBe(6);
  });

  it('splits by segment, one answer giving its own average', async () => {
    const { segments } = await cohortFigures(db, scope(), APRIL, 'channel');
    expect(segments.get('kiosk')?.satisfaction).toMatchObject({ answers: 1, average: 1 });
    expect(segments.get('web')?.acknowledge).toMatchObject({ n: 1, median: 1, on_time: 1, judged: 2 });
    const areas = await cohortFigures(db, scope(), APRIL, 'area');
    expect(areas.segments.get('7.39,3.91')?.received).toBe(2);
    expect(areas.segments.get(null)?.received).toBe(4);
    const languages = await cohortFigures(db, scope(), APRIL, 'language');
    expect(languages.segments.get('fr')?.received).toBe(1);
  });

  it('answers an empty period with zeros and no averages', async () => {
    const { period, months } = await cohortFigures(db, scope(), {
      from: '2025-01-01',
      to: '2025-02-01',
      trendFrom: '2025-01-01',
    });
    expect(period.received).toBe(0);
    expect(period.acknowledge).toMatchObject({ n: 0, median: null, p90: null, share: null });
    expect(period.satisfaction).toMatchObject({ answers: 0, average: null, response_rate: null });
    expect(months.size).toBe(0);
  });

  it('filters by service and group', async () => {
    expect((await cohortFigures(db, scope({ service: 'streetlight-out' }), APRIL)).period.received).toBe(0);
    expect((await cohortFigures(db, scope({ group: 'streets' }), APRIL)).period.received).toBe(6);
    expect((await cohortFigures(db, scope({ groups: ['waste'] }), APRIL)).period.received).toBe(0);
  });
});
