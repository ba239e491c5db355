/** The staff API: work list and filters, one request in full, and every change with its role checks. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { enrolKiosk } from './helpers/kiosk';
import { TestServer } from './helpers/server';

interface ListBody {
  items: { tracking: string; status: string; overdue: boolean; channel: string }[];
  total: number;
}

describe.each(databases)('staff API on $name', (target) => {
  let s: TestServer;
  let agent: { user: StaffUser; cookie: string };
  let officer: { user: StaffUser; cookie: string };
  let manager: { user: StaffUser; cookie: string };
  beforeAll(async () => {
    s = await TestServer.start(target);
    [agent, officer, manager] = [
      await s.staffSession('agent'),
      await s.staffSession('officer'),
      await s.staffSession('manager'),
    ];
  });
  afterAll(() => s.close());
  afterEach(() => s.setNow(undefined));

  const act = (tracking: string, action: string, body: unknown, cookie = agent.cookie) =>
    s.post(`/api/staff/requests/${tracking}/${action}`, body, { cookie });
  const list = async (query: string, cookie = agent.cookie): Promise<ListBody> => {
    const res = await s.get(`/api/staff/requests${query}`, { cookie });
    expect(res.status).toBe(200);
    return (await res.json()) as ListBody;
  };

  it('takes a request through its life: acknowledge, assign, progress, resolve, with every change recorded', async () => {
    const r = await s.submit();
    expect((await act(r.tracking, 'acknowledge', { message: 'Received' })).status).toBe(200);
    expect((await act(r.tracking, 'assign', { user_id: officer.user.id })).status).toBe(200);
    expect(
      (await act(r.tracking, 'status', { to: 'in_progress', message: 'Crew sent' }, officer.cookie)).status,
    ).toBe(200);
    expect((await act(r.tracking, 'notes', { text: 'Needs asphalt' }, officer.cookie)).status).toBe(200);
    const done = await act(r.tracking, 'status', { to: 'resolved', message: 'Filled' });
    expect(done.status).toBe(200);
    const detail = (await done.json()) as {
      status: string;
      assigned_to: string;
      acknowledged_at: string | null;
      resolved_at: string | null;
      contact: { email: string };
      events: { kind: string; actor: string; public: boolean; message: string | null }[];
    };
    expect(detail).toMatchObject({
      status: 'resolved',
      assigned_to: officer.user.id,
      contact: { email: 'ada@example.org' },
    });
    expect(detail.acknowledged_at).not.toBeNull();
    expect(detail.resolved_at).not.toBeNull();
    expect(detail.events.map((e) => [e.kind, e.actor, e.public])).toEqual([
      ['created', 'citizen', true],
      ['acknowledged', agent.user.id, true],
      ['assigned', agent.user.id, false],
      ['status_changed', officer.user.id, true],
      ['note', officer.user.id, false],
      ['status_changed', agent.user.id, true],
    ]);
  });

  it('refuses transitions the lifecycle does not allow with 409, and bad bodies with 400', async () => {
    const r = await s.submit();
    const res = await act(r.tracking, 'status', { to: 'closed' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'invalid_transition' });
    expect((await act(r.tracking, 'status', { to: 'duplicate' })).status).toBe(422);
    expect((await act(r.tracking, 'status', { to: 'done' })).status).toBe(400);
    expect((await act(r.tracking, 'status', { to: 'resolved', extra: 1 })).status).toBe(400);
    expect((await act(r.tracking, 'notes', { text: '' })).status).toBe(400);
    expect(
      (await act(r.tracking, 'assign', { user_id: '0190a000-0000-7000-8000-000000000000' })).status,
    ).toBe(422);
    expect((await act('CD-22222222', 'acknowledge', {})).status).toBe(404);
  });

  it('marks a duplicate of another request', async () => {
    const original = await s.submit();
    const copy = await s.submit();
    const res = await act(copy.tracking, 'duplicate', { of: original.tracking, message: 'Already reported' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'duplicate', duplicate_of: original.tracking });
    expect((await act(original.tracking, 'duplicate', { of: original.tracking })).status).toBe(422);
    expect((await act(original.tracking, 'duplicate', { of: 'CD-22222222' })).status).toBe(404);
  });

  it('lists with filters: status, service, group, channel, assignee, overdue, paging', async () => {
    const kiosk = await s.submit(createEvent({ channel: 'kiosk' }), await enrolKiosk(s));
    const all = await list('?per_page=100');
    expect(all.total).toBeGreaterThan(3);
    expect((await list('?channel=kiosk')).items.map((i) => i.tracking)).toContain(kiosk.tracking);
    expect((await list('?channel=kiosk')).items.every((i) => i.channel === 'kiosk')).toBe(true);
    expect(
      (await list('?status=resolved,duplicate')).items.every((i) =>
        ['resolved', 'duplicate'].includes(i.status),
      ),
    ).toBe(true);
    expect((await list('?service=streetlight-out')).total).toBe(0);
    expect((await list('?group=streets')).total).toBe(all.total);
    expect((await list('?group=waste')).total).toBe(0);
    expect((await list(`?assigned=${officer.user.id}`)).total).toBe(1);
    const page = await list('?per_page=2&page=2');
    expect(page.items).toHaveLength(2);
    expect((await list('?overdue=true')).total).toBe(0);
    // A request received 60 days ago is long past its due date.
    s.setNow(new Date(Date.now() - 60 * 86_400_000));
    const old = await s.submit(createEvent({ at: new Date(Date.now() - 60 * 86_400_000).toISOString() }));
    s.setNow(undefined);
    const overdue = await list('?overdue=true');
    expect(overdue.items.map((i) => [i.tracking, i.overdue])).toEqual([[old.tracking, true]]);
    expect((await list('?overdue=false')).total).toBe(all.total);
  });

  it('refuses bad list queries with 400', async () => {
    for (const q of [
      '?status=lost',
      '?channel=fax',
      '?page=0',
      '?per_page=1000',
      '?sort=name',
      '?assigned=bob',
    ])
      expect((await s.get(`/api/staff/requests${q}`, { cookie: agent.cookie })).status).toBe(400);
  });

  it('shows one request in full to staff: contact details and internal notes', async () => {
    const r = await s.submit();
    await act(r.tracking, 'notes', { text: 'Caller is the shop owner' });
    const res = await s.get(`/api/staff/requests/${r.tracking}`, { cookie: agent.cookie });
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    expect(body).toContain('ada@example.org');
    expect(body).toContain('Caller is the shop owner');
  });

  it('checks the role on every route', async () => {
    const r = await s.submit();
    // Nobody signed in.
    expect((await s.get('/api/staff/requests')).status).toBe(401);
    expect((await s.post(`/api/staff/requests/${r.tracking}/acknowledge`, {})).status).toBe(401);
    expect((await s.get('/api/staff/stats')).status).toBe(401);
    // Officers: only their assigned work, and no triage.
    expect((await list('', officer.cookie)).items.every((i) => i.tracking !== r.tracking)).toBe(true);
    expect((await s.get(`/api/staff/requests/${r.tracking}`, { cookie: officer.cookie })).status).toBe(404);
    expect((await act(r.tracking, 'status', { to: 'in_progress' }, officer.cookie)).status).toBe(404);
    await act(r.tracking, 'assign', { user_id: officer.user.id });
    expect((await s.get(`/api/staff/requests/${r.tracking}`, { cookie: officer.cookie })).status).toBe(200);
    expect((await act(r.tracking, 'acknowledge', {}, officer.cookie)).status).toBe(403);
    expect((await act(r.tracking, 'assign', { user_id: null }, officer.cookie)).status).toBe(403);
    // Statistics: managers; staff accounts: admins.
    expect((await s.get('/api/staff/stats', { cookie: agent.cookie })).status).toBe(403);
    expect((await s.get('/api/staff/stats', { cookie: manager.cookie })).status).toBe(200);
    const newUser = { email: 'new@city.example', role: 'agent', password: 'long enough password' };
    expect((await s.post('/api/staff/users', newUser, { cookie: manager.cookie })).status).toBe(403);
    expect((await s.get('/api/staff/users', { cookie: officer.cookie })).status).toBe(403);
  });

  it('lets an admin create staff accounts and gives managers the figures', async () => {
    const admin = await s.staffSession('admin');
    const body = { email: 'clerk@city.example', role: 'agent', password: 'long enough password' };
    expect((await s.post('/api/staff/users', body, { cookie: admin.cookie })).status).toBe(201);
    expect((await s.post('/api/staff/users', body, { cookie: admin.cookie })).status).toBe(409);
    expect(
      (await s.post('/api/staff/users', { ...body, password: 'short' }, { cookie: admin.cookie })).status,
    ).toBe(400);
    const users = (await (await s.get('/api/staff/users', { cookie: agent.cookie })).json()) as {
      users: unknown[];
    };
    expect(JSON.stringify(users)).not.toContain('password');
    const stats = (await (await s.get('/api/staff/stats', { cookie: manager.cookie })).json()) as {
      total: number;
      by_channel: Record<string, number>;
    };
    expect(stats.total).toBeGreaterThan(0);
    expect(stats.by_channel['kiosk']).toBeGreaterThan(0);
  });
});
