/**
 * GET /api/staff/dashboard over HTTP: who may read it, and figures filled by
 * requests filed through sync and worked on through the staff API — the
 * backlog (from migration 0011's per-day deltas, kept by triggers as the
 * requests change, and equal to a count from scratch after every change and
 * after the calendar refills every row), staff minutes per action, and
 * abandoned drafts month by month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/core/ids';
import { REFRESH_ALL_FACTS } from '../../server/metrics/calendar';
import { databases } from './helpers/databases';
import { createEvent, potholeFields } from './helpers/events';
import { TestServer } from './helpers/server';

interface Dash {
  period: { from: string; to: string; today: string };
  figures: { received: number; channels: Record<string, number>; digital_share: number | null; open: number };
  backlog: { month: string; backlog: number; overdue: number }[];
  minutes: { by_action: { action: string; actions: number; minutes: number }[] };
  drafts: { by_month: { month: string; started: number; abandoned: number; rate: number | null }[] };
  segments: { key: string | null; received: number; satisfaction: number | null }[];
}

/** The deltas counted again from request_facts, the way migration 0011 fills them. */
const RECOUNT = `SELECT day::text, service_code, sum(backlog)::int AS backlog, sum(overdue)::int AS overdue FROM (
    SELECT x.service_code, d.* FROM request_facts x
    CROSS JOIN LATERAL request_day_deltas_of(x.sub_d, x.end_d, x.level_due, 1) d) t
  GROUP BY 1, 2 HAVING sum(backlog) <> 0 OR sum(overdue) <> 0 ORDER BY 1, 2`;
const KEPT = `SELECT day::text, service_code, backlog, overdue FROM request_day_deltas
  WHERE backlog <> 0 OR overdue <> 0 ORDER BY 1, 2`;

describe.each(databases)('the dashboard API on $name', (target) => {
  let s: TestServer;
  let manager: string;
  let agent: string;
  const tracking: string[] = [];
  beforeAll(async () => {
    s = await TestServer.start(target);
    manager = (await s.staffSession('manager')).cookie;
    agent = (await s.staffSession('agent')).cookie;
    for (let i = 0; i < 6; i++) tracking.push((await s.submit(createEvent())).tracking);
    // One taken by phone at the desk.
    const phone = await s.post(
      '/api/staff/intake',
      { id: uuidv7(), channel: 'phone', request: potholeFields() },
      { cookie: agent },
    );
    expect(phone.status).toBe(201);
  });
  afterAll(() => s.close());

  const dashboard = async (query = ''): Promise<Dash> => {
    const res = await s.get(`/api/staff/dashboard${query}`, { cookie: manager });
    expect(res.status).toBe(200);
    return (await res.json()) as Dash;
  };

  it('is for managers and admins: an agent is refused, a signed-out caller asked to sign in', async () => {
    expect((await s.get('/api/staff/dashboard', { cookie: agent })).status).toBe(403);
    expect((await s.get('/api/staff/dashboard')).status).toBe(401);
    const admin = (await s.staffSession('admin')).cookie;
    expect((await s.get('/api/staff/dashboard', { cookie: admin })).status).toBe(200);
    const bad = await s.get('/api/staff/dashboard?from=2026-05-01&to=2026-04-01', { cookie: manager });
    expect(bad.status).toBe(400);
  });

  it('counts this month’s requests by channel, with the small segments shown as not enough', async () => {
    const d = await dashboard('?segment=channel');
    expect(d.figures.received).toBe(7);
    expect(d.figures.channels).toMatchObject({ web: 6, phone: 1, kiosk: 0 });
    expect(d.figures.digital_share).toBeCloseTo(6 / 7, 10);
    // No answers yet: satisfaction is "not enough" (null), not 0.
    expect(d.segments.find((r) => r.key === 'web')).toMatchObject({ received: 6, satisfaction: null });
    expect(d.segments.find((r) => r.key === 'phone')).toMatchObject({ received: 1 });
  });

  it('keeps the backlog as requests are worked on, the same as a count from scratch', async () => {
    const act = (t: string, action: string, body: unknown) =>
      s.post(`/api/staff/requests/${t}/${action}`, body, { cookie: agent });
    const [a, b] = tracking;
    expect((await act(a ?? '', 'acknowledge', { time: { minutes: 4, source: 'manual' } })).status).toBe(200);
    expect(
      (await act(b ?? '', 'status', { to: 'resolved', time: { minutes: 6, source: 'timer' } })).status,
    ).toBe(200);
    const d = await dashboard();
    // Resolved today, it leaves the backlog tomorrow (backlog.ts: off the day after it finished);
    // open counts the present state.
    expect(d.backlog.at(-1)).toMatchObject({ backlog: 7, overdue: 0 });
    expect(d.figures.open).toBe(6);
    expect(await s.db.query(KEPT)).toEqual(await s.db.query(RECOUNT));
    expect(d.minutes.by_action).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'acknowledged', actions: 1, minutes: 4 }),
        expect.objectContaining({ action: 'status_changed', actions: 1, minutes: 6 }),
      ]),
    );
    // Reopened: back in the backlog.
    expect((await act(b ?? '', 'reopen', {})).status).toBe(200);
    expect((await dashboard()).figures.open).toBe(7);
    expect(await s.db.query(KEPT)).toEqual(await s.db.query(RECOUNT));
    // The calendar's refill rewrites every row of request_facts: the deltas follow.
    await s.db.exec(REFRESH_ALL_FACTS);
    expect(await s.db.query(KEPT)).toEqual(await s.db.query(RECOUNT));
    expect((await s.db.query(KEPT)).length).toBeGreaterThan(0);
  });

  it('gives abandoned drafts month by month over the trend', async () => {
    const at = new Date().toISOString();
    const [r] = await s.sync([
      {
        id: uuidv7(),
        at,
        type: 'draft_report',
        counts: [
          { service_code: 'pothole', language: 'en', kind: 'started', n: 8 },
          { service_code: 'pothole', language: 'en', kind: 'abandoned', step: 1, n: 2 },
        ],
      },
    ]);
    expect(r?.outcome).toBe('accepted');
    const d = await dashboard();
    expect(d.drafts.by_month).toEqual([
      { month: `${d.period.from.slice(0, 7)}-01`, started: 8, abandoned: 2, rate: 0.25 },
    ]);
  });
});
