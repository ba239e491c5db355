/**
 * The desk's queue and request page on the staff API: sorted by due date,
 * tab counts, filters by language and tracking number, "due soon", and the
 * request page's overdue working days and names of who did what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

interface Item {
  tracking: string;
  due: string;
  language: string;
  status: string;
}
type Counts = Record<'new' | 'overdue' | 'due_soon' | 'mine' | 'unassigned', number>;

// Monday 2 November 2026, 10:00 in Lagos (UTC+1); a pothole is due 5 working days later.
const MONDAY = new Date('2026-11-02T09:00:00Z');
const at = (days: number) => new Date(MONDAY.getTime() + days * 86_400_000);

describe.each(databases)('staff queue on $name', (target) => {
  let s: TestServer;
  let agent: { user: StaffUser; cookie: string };
  let officer: { user: StaffUser; cookie: string };
  const made: Record<string, string> = {};

  const submitAt = async (when: Date, overrides: Parameters<typeof createEvent>[0] = {}) => {
    s.setNow(when);
    const r = await s.submit(createEvent({ at: when.toISOString(), ...overrides }));
    return r.tracking;
  };
  const list = async (query: string, cookie = agent.cookie) => {
    const res = await s.get(`/api/staff/requests${query}`, { cookie });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Item[]; total: number }).items;
  };
  const counts = async (query = '', cookie = agent.cookie) => {
    const res = await s.get(`/api/staff/requests/counts${query}`, { cookie });
    expect(res.status).toBe(200);
    return (await res.json()) as Counts;
  };

  beforeAll(async () => {
    s = await TestServer.start(target);
    agent = await s.staffSession('agent');
    officer = await s.staffSession('officer');
    made.late = await submitAt(at(-14)); // due Monday 26 October: overdue
    made.french = await submitAt(at(-3), { request: { language: 'fr' } });
    made.fresh = await submitAt(at(0));
    made.light = await submitAt(new Date(at(0).getTime() + 60_000), {
      request: { service_code: 'streetlight-out', attributes: { lamp_count: 1, problem: 'dark' } },
    });
    s.setNow(at(0));
  });
  afterAll(() => s.close());

  it('sorts by due date by default, soonest first, and by submission when asked', async () => {
    const dues = (await list('?per_page=100')).map((i) => i.due);
    expect(dues).toEqual([...dues].sort());
    const newest = await list('?sort=-submitted&per_page=1');
    expect(newest[0]?.tracking).toBe(made.light);
  });

  it('finds a request by any part of its tracking number, typed loosely', async () => {
    const number = made.french ?? '';
    expect((await list(`?q=${number.toLowerCase()}`)).map((i) => i.tracking)).toEqual([number]);
    expect((await list(`?q=${number.slice(3, 8)}`)).map((i) => i.tracking)).toContain(number);
    expect(await list('?q=CD-22222222')).toEqual([]);
  });

  it('filters by the citizen language', async () => {
    expect((await list('?language=fr')).map((i) => i.tracking)).toEqual([made.french]);
    expect((await s.get('/api/staff/requests?language=xx', { cookie: agent.cookie })).status).toBe(400);
  });

  it('counts each tab, and the counts follow the narrowing filters', async () => {
    s.setNow(at(0));
    expect(await counts()).toEqual({ new: 4, overdue: 1, due_soon: 1, mine: 0, unassigned: 4 });
    // The streetlight (2 working days) is due Wednesday: due soon on Monday.
    const light = await counts('?service=streetlight-out');
    expect(light).toMatchObject({ new: 1, due_soon: 1, overdue: 0 });
    expect((await list('?due_soon=true')).map((i) => i.tracking)).toEqual([made.light]);
    await s.post(
      `/api/staff/requests/${made.fresh}/assign`,
      { user_id: agent.user.id },
      { cookie: agent.cookie },
    );
    await s.post(`/api/staff/requests/${made.late}/status`, { to: 'resolved' }, { cookie: agent.cookie });
    expect(await counts()).toEqual({ new: 3, overdue: 0, due_soon: 1, mine: 1, unassigned: 2 });
    expect((await list('?assigned=me&open=true')).map((i) => i.tracking)).toEqual([made.fresh]);
    expect((await list('?assigned=none&open=true')).map((i) => i.tracking).sort()).toEqual(
      [made.french, made.light].sort(),
    );
  });

  it('gives officers counts of their own work only', async () => {
    await s.post(
      `/api/staff/requests/${made.french}/assign`,
      { user_id: officer.user.id },
      { cookie: agent.cookie },
    );
    expect(await counts('', officer.cookie)).toEqual({
      new: 1,
      overdue: 0,
      due_soon: 0,
      mine: 1,
      unassigned: 0,
    });
  });

  it('says how many working days a request is overdue, and names who did what', async () => {
    const tracking = await submitAt(at(0));
    await s.post(
      `/api/staff/requests/${tracking}/assign`,
      { user_id: officer.user.id },
      { cookie: agent.cookie },
    );
    // Due Monday 9 November; on Thursday 12 November it is 3 working days late.
    s.setNow(new Date('2026-11-12T12:00:00Z'));
    const res = await s.get(`/api/staff/requests/${tracking}`, { cookie: agent.cookie });
    const body = (await res.json()) as {
      due: string;
      overdue: boolean;
      overdue_working_days: number;
      assignee: { id: string; email: string } | null;
      events: { kind: string; actor_name: string | null }[];
    };
    expect(body).toMatchObject({ due: '2026-11-09', overdue: true, overdue_working_days: 3 });
    expect(body.assignee?.email).toBe(officer.user.email);
    expect(body.events.map((e) => [e.kind, e.actor_name])).toEqual([
      ['created', null],
      ['assigned', agent.user.email],
    ]);
    s.setNow(at(0));
  });
});
