/**
 * What the desk adds to the staff actions: a new expected date on
 * acknowledging, reopening, the minutes spent on every action, and bulk
 * acknowledge, assign and status change with one public message per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

interface Detail {
  status: string;
  due: string;
  assigned_to: string | null;
  staff_minutes: number;
  events: {
    kind: string;
    public: boolean;
    message: string | null;
    staff_minutes: number | null;
    staff_time_source: string | null;
  }[];
}

describe.each(databases)('staff desk actions on $name', (target) => {
  let s: TestServer;
  let agent: { user: StaffUser; cookie: string };
  let officer: { user: StaffUser; cookie: string };
  beforeAll(async () => {
    s = await TestServer.start(target);
    agent = await s.staffSession('agent');
    officer = await s.staffSession('officer');
  });
  afterAll(() => s.close());

  const act = (tracking: string, action: string, body: unknown, cookie = agent.cookie) =>
    s.post(`/api/staff/requests/${tracking}/${action}`, body, { cookie });
  const detail = async (tracking: string) =>
    (await (await s.get(`/api/staff/requests/${tracking}`, { cookie: agent.cookie })).json()) as Detail;
  const bulk = (body: unknown, cookie = agent.cookie) => s.post('/api/staff/bulk', body, { cookie });

  it('acknowledges with a new expected date the person can see, and refuses a date in the past', async () => {
    const r = await s.submit();
    expect((await act(r.tracking, 'acknowledge', { due: '2020-01-01' })).status).toBe(400);
    expect((await act(r.tracking, 'acknowledge', { due: '2099-02-30' })).status).toBe(400);
    const res = await act(r.tracking, 'acknowledge', { due: '2099-03-02', message: 'We will come by then' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Detail).due).toBe('2099-03-02');
    const pub = await s.get(`/api/requests/${r.tracking}`, { headers: { 'X-Access-Token': r.token } });
    expect(await pub.json()).toMatchObject({ due: '2099-03-02', status: 'acknowledged' });
  });

  it('reopens resolved work and reinstates a rejection; a new request cannot be reopened', async () => {
    const r = await s.submit();
    expect((await act(r.tracking, 'reopen', {})).status).toBe(409);
    await act(r.tracking, 'status', { to: 'resolved', message: 'Filled' });
    const back = await act(r.tracking, 'reopen', { message: 'The hole is back' });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ status: 'in_progress', resolved_at: null });
    await act(r.tracking, 'status', { to: 'rejected', message: 'Not ours' });
    expect(await (await act(r.tracking, 'reopen', {})).json()).toMatchObject({ status: 'acknowledged' });
  });

  it('records the minutes spent on each action, timed or typed, and refuses impossible ones', async () => {
    const r = await s.submit();
    await act(r.tracking, 'acknowledge', { time: { minutes: 2.5, source: 'timer' } });
    await act(r.tracking, 'notes', {
      text: 'Called the caller back',
      time: { minutes: 12, source: 'manual' },
    });
    await act(r.tracking, 'assign', { user_id: officer.user.id });
    const d = await detail(r.tracking);
    expect(d.events.map((e) => [e.kind, e.staff_minutes, e.staff_time_source])).toEqual([
      ['created', null, null],
      ['acknowledged', 2.5, 'timer'],
      ['note', 12, 'manual'],
      ['assigned', null, null],
    ]);
    expect(d.staff_minutes).toBe(14.5);
    for (const time of [{ minutes: -1, source: 'timer' }, { minutes: 481, source: 'manual' }, { minutes: 3 }])
      expect((await act(r.tracking, 'notes', { text: 'x', time })).status).toBe(400);
  });

  it('acknowledges in bulk, each request with its own public message', async () => {
    const [a, b] = [await s.submit(), await s.submit()];
    const res = await bulk({
      action: 'acknowledge',
      items: [
        { tracking: a.tracking, message: 'Thank you, we have it' },
        { tracking: b.tracking, message: 'Merci, nous l’avons' },
      ],
      time: { minutes: 4, source: 'timer' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ done: 2 });
    for (const [r, text] of [
      [a, 'Thank you, we have it'],
      [b, 'Merci, nous l’avons'],
    ] as const) {
      const d = await detail(r.tracking);
      const publicNew = d.events.filter((e) => e.public && e.kind === 'acknowledged');
      expect(publicNew.map((e) => [e.message, e.staff_minutes])).toEqual([[text, 2]]);
    }
  });

  it('assigns and closes in bulk; a refusal for one request leaves the others done', async () => {
    const [a, b, c] = [await s.submit(), await s.submit(), await s.submit()];
    await act(b.tracking, 'status', { to: 'resolved' });
    const assigned = await bulk({
      action: 'assign',
      user_id: officer.user.id,
      items: [{ tracking: a.tracking }, { tracking: b.tracking }],
    });
    expect(await assigned.json()).toMatchObject({ done: 2 });
    expect((await detail(a.tracking)).assigned_to).toBe(officer.user.id);
    const closed = await bulk({
      action: 'status',
      to: 'closed',
      items: [
        { tracking: a.tracking, message: 'Closed' },
        { tracking: b.tracking, message: 'Closed after the repair' },
        { tracking: 'CD-22222222', message: 'Closed' },
      ],
    });
    expect(await closed.json()).toEqual({
      done: 1,
      results: [
        { tracking: a.tracking, ok: false, error: 'invalid_transition' },
        { tracking: b.tracking, ok: true },
        { tracking: 'CD-22222222', ok: false, error: 'not_found' },
      ],
    });
    expect((await detail(b.tracking)).status).toBe('closed');
    expect((await detail(c.tracking)).status).toBe('submitted');
  });

  it('refuses malformed bulk bodies with 400, and bulk triage by an officer request by request', async () => {
    const r = await s.submit();
    const one = [{ tracking: r.tracking }];
    for (const body of [
      { action: 'delete', items: one },
      { action: 'acknowledge', items: [] },
      { action: 'acknowledge', items: [...one, ...one] },
      { action: 'status', items: one },
      { action: 'assign', items: one },
      { action: 'acknowledge', items: Array.from({ length: 101 }, () => ({ tracking: r.tracking })) },
    ])
      expect((await bulk(body)).status).toBe(400);
    const byOfficer = await bulk({ action: 'acknowledge', items: one }, officer.cookie);
    expect(await byOfficer.json()).toMatchObject({ done: 0, results: [{ ok: false, error: 'not_found' }] });
    expect((await s.post('/api/staff/bulk', { action: 'acknowledge', items: one })).status).toBe(401);
  });
});
