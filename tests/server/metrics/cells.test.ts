/**
 * The monthly cells and memos (migration 0017) against a count from every
 * request, on the hand-made month: the same figures for whole months, parts
 * of months and segments, after requests move month, finish, reopen, change
 * service, after the calendar refills every row, and at local midnight; and
 * staff minutes and what matters computed again once an old month changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/types';
import { insertEventRows, insertRequestRows } from '../../../server/demo/rows';
import { foldFigures } from '../../../server/metrics/fold';
import { REFRESH_ALL_FACTS } from '../../../server/metrics/calendar';
import { cohortFigures, figures } from '../../../server/metrics/cohort';
import { liveCohortRows } from '../../../server/metrics/cohort-live';
import { whatMattersMost } from '../../../server/metrics/matters';
import { refreshMemos } from '../../../server/metrics/memo';
import { staffMinutes } from '../../../server/metrics/minutes';
import type { Segment } from '../../../server/metrics/sql';
import { databases, type OpenedDb } from '../helpers/databases';
import { FIXTURE, loadFixture, scope } from './fixture';

const RANGES = [
  { from: '2026-04-01', to: '2026-05-01' }, // a whole month: from the cells
  { from: '2026-04-05', to: '2026-04-18' }, // part of a month: from the requests
  { from: '2026-03-15', to: '2026-05-01' }, // half a month, then a whole one
  { from: '2026-03-01', to: '2026-04-21' }, // a whole month, then up to "today"
];
const SEGMENTS: (Segment | undefined)[] = [undefined, 'channel', 'language', 'area', 'group', 'service'];

describe.each(databases)('monthly cells on $name', (target) => {
  let opened: OpenedDb;
  let db: Db;
  let ids: string[];
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
    ids = await loadFixture(db);
    // At 23:00 UTC on 31 March it is midnight on 1 April in Lagos: April's first minute.
    const d = FIXTURE[3];
    if (!d) throw new Error('fixture row D is missing');
    await insertRequestRows(db, [{ ...d, tracking: 'CD-FIXM0001', submitted_at: '2026-03-31T23:00:00Z' }]);
  });
  afterAll(() => opened.dispose());

  /** Every range and segment, from the cells and from every request: equal, segment by segment. */
  async function expectSameAsCount(today?: string): Promise<void> {
    const sc = scope(today ? { today } : {});
    for (const range of RANGES) {
      for (const segment of SEGMENTS) {
        const cells = await cohortFigures(db, sc, { ...range, trendFrom: range.from }, segment);
        const live = await liveCohortRows(db, sc, range, segment);
        const context = `${range.from}–${range.to} by ${segment ?? 'nothing'}`;
        expect(cells.period, context).toEqual(
          figures(live.find((r) => r.g_seg === 1) ?? { month: null, seg: null }),
        );
        const bySegment = new Map(live.filter((r) => r.g_seg === 0).map((r) => [r.seg, figures(r)]));
        expect(new Map(cells.segments), context).toEqual(bySegment);
      }
    }
  }

  it('gives the figures a count from every request gives, for whole and part months', async () => {
    const april = await cohortFigures(db, scope(), {
      from: '2026-04-01',
      to: '2026-05-01',
      trendFrom: '2026-03-01',
    });
    expect(april.period.received).toBe(7); // the six of fixture.ts and the one at local midnight
    expect(april.months.get('2026-03-01')?.received).toBe(1);
    await expectSameAsCount();
    await expectSameAsCount('2026-04-14');
  });

  it('stays equal as requests move month, finish, reopen and change service', async () => {
    const [a, , c, d, e] = ids;
    await db.query(`UPDATE requests SET submitted_at = '2026-03-20T10:00:00Z' WHERE id = $1`, [a]);
    await db.query(
      `UPDATE requests SET status = 'resolved', resolved_at = '2026-04-16T10:00:00Z', rating = 2 WHERE id = $1`,
      [d],
    );
    await db.query(
      `UPDATE requests SET status = 'in_progress', resolved_at = NULL, rating = NULL, fixed = NULL WHERE id = $1`,
      [c],
    );
    await db.query(`UPDATE requests SET service_code = 'streetlight-out' WHERE id = $1`, [e]);
    const april = await cohortFigures(db, scope(), {
      from: '2026-04-01',
      to: '2026-05-01',
      trendFrom: '2026-03-01',
    });
    expect(april.period.received).toBe(6);
    expect(april.months.get('2026-03-01')?.received).toBe(2);
    await expectSameAsCount();
    await db.exec(REFRESH_ALL_FACTS);
    await expectSameAsCount();
  });

  it('computes staff minutes and what matters again once an old month changes', async () => {
    const april = { from: '2026-04-01', to: '2026-05-01' };
    const at = '2026-04-10T09:00:00Z';
    const [, b] = ids;
    await insertEventRows(db, [
      { request_id: b ?? '', kind: 'note', actor: 'x', at, public: true, staff_minutes: 4 },
    ]);
    await refreshMemos(db, april);
    const [memo] = await db.query<{ kept: boolean }>(
      `SELECT k.version = v.version AS kept FROM figure_month_memo k JOIN figure_month_versions v USING (month)
       WHERE month = '2026-04-01'`,
    );
    expect(memo?.kept).toBe(true);
    const before = await staffMinutes(db, scope(), april);
    expect(before.by_action).toEqual([{ action: 'note', actions: 1, minutes: 4, per_action: 4 }]);
    // A later note on B: the month's memo is old now, so the figures are counted again.
    await insertEventRows(db, [
      { request_id: b ?? '', kind: 'note', actor: 'x', at, public: true, staff_minutes: 6 },
    ]);
    const after = await staffMinutes(db, scope(), april);
    expect(after.by_action).toEqual([{ action: 'note', actions: 2, minutes: 10, per_action: 5 }]);
    await refreshMemos(db, april);
    expect(await staffMinutes(db, scope(), april)).toEqual(after);
    const updates = (await whatMattersMost(db, scope(), april)).find((m) => m.measure === 'updates');
    // Answered in April now: B (rating 3, two public notes) and D (rating 2, none).
    expect(updates).toMatchObject({ n: 2, r: 1 });
  });

  it('folds the pending changes in without changing a figure, also with writers at the same time', async () => {
    const pending = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM figure_months_pending) + (SELECT count(*) FROM figure_month_days_pending)
             + (SELECT count(*) FROM figure_month_versions_pending) + (SELECT count(*) FROM request_day_deltas_pending) AS n`,
        )
      )[0]?.n;
    const [a, b, c, d] = ids;
    // Two transactions on two requests each, all in the same months' cells: on PostgreSQL they run at once.
    const rate = (first: string | undefined, second: string | undefined, rating: number) =>
      db.transaction(async (tx) => {
        for (const id of [first, second])
          await tx.query(`UPDATE requests SET rating = $2, fixed = 'yes' WHERE id = $1`, [id, rating]);
      });
    const [versions] = await db.query<{ v: number }>('SELECT sum(version) AS v FROM figure_month_versions');
    await Promise.all([1, 2, 3].flatMap((r) => [rate(a, b, r), rate(c, d, 6 - r)]));
    expect(await pending()).toBeGreaterThan(0);
    await expectSameAsCount();
    await Promise.all([4, 5].flatMap((r) => [rate(a, b, r), rate(c, d, 6 - r), foldFigures(db)]));
    await expectSameAsCount();
    await rate(a, b, 1);
    const moved = await foldFigures(db);
    expect(moved).toBeGreaterThan(0);
    expect(await pending()).toBe(0);
    await expectSameAsCount();
    // Every committed change moved its month's version on, folded or not.
    const [after] = await db.query<{ v: number }>('SELECT sum(version) AS v FROM figure_month_versions');
    expect(Number(after?.v)).toBeGreaterThanOrEqual(Number(versions?.v) + 10);
  });
});
