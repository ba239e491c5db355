/** Backlog and overdue at each month's end, staff minutes, and satisfaction's links, on the hand-made month. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../server/auth/users';
import type { Db } from '../../../server/db/types';
import { insertEventRows } from '../../../server/demo/rows';
import { backlogOverTime } from '../../../server/metrics/backlog';
import { findFalloff, satisfactionByDays } from '../../../server/metrics/falloff';
import { whatMattersMost } from '../../../server/metrics/matters';
import { staffMinutes } from '../../../server/metrics/minutes';
import { databases, type OpenedDb } from '../helpers/databases';
import { PASSWORD } from '../helpers/server';
import { loadFixture, scope } from './fixture';

const APRIL = { from: '2026-04-01', to: '2026-05-01' };

describe.each(databases)('figures over time on $name', (target) => {
  let opened: OpenedDb;
  let db: Db;
  let ids: string[];
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
    ids = await loadFixture(db);
    const [a, b] = ids;
    // The desk's column (its migration 0008), added here as that migration does when it is not merged yet.
    await db.exec(
      'ALTER TABLE request_events ADD COLUMN IF NOT EXISTS staff_minutes real CHECK (staff_minutes >= 0 AND staff_minutes <= 480)',
    );
    const at = '2026-04-02T09:00:00Z';
    await insertEventRows(db, [
      { request_id: a ?? '', kind: 'acknowledged', actor: 'x', at, public: true, staff_minutes: 3 },
      { request_id: a ?? '', kind: 'status_changed', actor: 'x', at, public: true, staff_minutes: 10 },
      { request_id: b ?? '', kind: 'acknowledged', actor: 'x', at, public: true, staff_minutes: 5 },
      { request_id: b ?? '', kind: 'note', actor: 'x', at, public: false },
    ]);
  });
  afterAll(() => opened.dispose());

  it('gives backlog and overdue at each month end, today for the current month', async () => {
    const points = await backlogOverTime(db, scope(), { trendFrom: '2026-03-01', to: '2026-05-01' });
    // 31 March: only G (resolved 1 April) is open. 20 April: D and E open; D past its level (Tue 14).
    expect(points).toEqual([
      { month: '2026-03-01', on: '2026-03-31', backlog: 1, overdue: 0 },
      { month: '2026-04-01', on: '2026-04-20', backlog: 2, overdue: 1 },
    ]);
    // On Tue 14: C (level Mon 13, resolved Wed 15) is open and late, D open and due that day.
    const earlier = await backlogOverTime(db, scope({ today: '2026-04-14' }), {
      trendFrom: '2026-04-01',
      to: '2026-05-01',
    });
    expect(earlier).toEqual([{ month: '2026-04-01', on: '2026-04-14', backlog: 2, overdue: 1 }]);
  });

  it('gives empty months a point of their own', async () => {
    const points = await backlogOverTime(db, scope(), { trendFrom: '2026-01-01', to: '2026-03-01' });
    expect(points).toEqual([
      { month: '2026-01-01', on: '2026-01-31', backlog: 0, overdue: 0 },
      { month: '2026-02-01', on: '2026-02-28', backlog: 0, overdue: 0 },
    ]);
  });

  it('adds staff minutes (desk actions and field visits) per request, per service and per action', async () => {
    const c = ids[2];
    const officer = await createUser(db, { email: 'field@example.org', role: 'officer', password: PASSWORD });
    await db.query(
      `INSERT INTO visits (id, officer_id, request_id, visited_at, place, notes, outcome, minutes)
       VALUES (gen_random_uuid(), $1, $2, '2026-04-14T10:00:00Z', 'Market Road', '', 'resolved', 20)`,
      [officer?.id, c],
    );
    const m = await staffMinutes(db, scope(), APRIL);
    expect(m.recorded_on_desk).toBe(true);
    expect(m.minutes).toBe(38);
    expect(m.per_request).toBeCloseTo(38 / 6, 10);
    expect(m.by_service).toEqual([
      { service_code: 'pothole', requests: 6, minutes: 38, per_request: 38 / 6 },
    ]);
    expect(m.by_action).toEqual([
      { action: 'acknowledged', actions: 2, minutes: 8, per_action: 4 },
      { action: 'status_changed', actions: 1, minutes: 10, per_action: 10 },
      { action: 'visit', actions: 1, minutes: 20, per_action: 20 },
    ]);
    const empty = await staffMinutes(db, scope(), { from: '2025-01-01', to: '2025-02-01' });
    expect(empty).toMatchObject({
      requests: 0,
      minutes: 0,
      per_request: null,
      by_service: [],
      by_action: [],
    });
  });

  it('ranks what satisfaction moves with, with n and the few-answers flag', async () => {
    const effects = await whatMattersMost(db, scope(), APRIL);
    // Ratings 5, 3, 1 against resolution days 5, 5, 7 (and first response 1, 1, 2; late 0, 0, 1): r = −4/√(8·8/3).
    const r = -4 / Math.sqrt(8 * (8 / 3));
    const by = new Map(effects.map((e) => [e.measure, e]));
    expect(by.get('resolve_days')?.r).toBeCloseTo(r, 10);
    expect(by.get('acknowledge_days')?.r).toBeCloseTo(r, 10);
    expect(by.get('late')?.r).toBeCloseTo(r, 10);
    // Web, phone, kiosk: digital 1, 0, 1 — no linear relation with 5, 3, 1.
    expect(by.get('digital')?.r).toBeCloseTo(0, 10);
    expect(effects.every((e) => e.n === 3 && e.few)).toBe(true);
    // Public updates 2, 1, 0 (beforeAll; B's note is internal) rise exactly with the rating.
    expect(by.get('updates')?.r).toBeCloseTo(1, 10);
    // Ties keep their order; nobody was reopened, so that measure has no correlation and comes last.
    expect(effects.map((e) => e.measure)).toEqual([
      'updates',
      'acknowledge_days',
      'resolve_days',
      'late',
      'digital',
      'reopenings',
    ]);
    expect(by.get('reopenings')?.r).toBeNull();
  });

  it('finds no fall-off with three answers, and buckets them by working days', async () => {
    const [pothole] = await satisfactionByDays(db, scope(), APRIL);
    expect(pothole).toEqual({
      service_code: 'pothole',
      level_days: 5,
      buckets: [
        { days: 5, answers: 2, average: 4 },
        { days: 7, answers: 1, average: 1 },
      ],
      falloff_days: null,
      before: null,
      after: null,
    });
  });
});

describe('the fall-off point', () => {
  const bucket = (days: number, answers: number, average: number) => ({ days, answers, average });
  it('is the split with the largest drop, both sides with at least 5 answers', () => {
    const f = findFalloff([bucket(1, 5, 4.6), bucket(2, 5, 4.4), bucket(3, 5, 3.0), bucket(4, 5, 2.8)]);
    expect(f.falloff_days).toBe(2);
    expect(f.before).toBeCloseTo(4.5, 10);
    expect(f.after).toBeCloseTo(2.9, 10);
  });
  it('is none when the drop is under half a point or a side has too few answers', () => {
    expect(findFalloff([bucket(1, 10, 4.2), bucket(5, 10, 3.8)]).falloff_days).toBeNull();
    expect(findFalloff([bucket(1, 4, 5), bucket(9, 4, 1)]).falloff_days).toBeNull();
    expect(findFalloff([]).falloff_days).toBeNull();
  });
});
