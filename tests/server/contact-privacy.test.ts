/**
 * Contact details: every time staff are shown them it is recorded (admins
 * read the log), the retention sweep removes them a set time after a request
 * finished, and the person can remove them at once with their access code.
 * The figures (dashboard, public scorecard) are the same after removal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, UsageError } from '../../server/cli/commands';
import { sweepContactsOnce } from '../../server/requests/retention';
import { uuidv7 } from '../../src/core/ids';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

const DAY = 24 * 3600 * 1000;

interface LogPage {
  items: { at: string; via: string; tracking: string; viewer: { email: string; name: string | null } }[];
  total: number;
}
interface Detail {
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  events: { kind: string; public: boolean; data: Record<string, unknown> | null }[];
}

describe.each(databases)('contact details on $name', (target) => {
  let s: TestServer;
  let admin: string;
  let agent: { cookie: string; email: string };

  const detail = async (tracking: string, cookie = admin): Promise<Detail> =>
    (await (await s.get(`/api/staff/requests/${tracking}`, { cookie })).json()) as Detail;
  const log = async (): Promise<LogPage> =>
    (await (await s.get('/api/staff/access-log?per_page=200', { cookie: admin })).json()) as LogPage;
  const move = (tracking: string, to: string) =>
    s.post(`/api/staff/requests/${tracking}/status`, { to, message: 'Done' }, { cookie: admin });

  beforeAll(async () => {
    s = await TestServer.start(target);
    admin = (await s.staffSession('admin')).cookie;
    const a = await s.staffSession('agent');
    agent = { cookie: a.cookie, email: a.user.email };
  });
  afterAll(() => s.close());

  it('records who was shown the contact details, newest first, for admins only', async () => {
    const r = await s.submit();
    const before = (await log()).total;
    const shown = await detail(r.tracking, agent.cookie);
    expect(shown.contact?.name).toBe('Ada Obi');
    const page = await log();
    expect(page.total).toBe(before + 1);
    expect(page.items[0]).toMatchObject({
      via: 'detail',
      tracking: r.tracking,
      viewer: { email: agent.email },
    });
    for (const role of ['agent', 'officer', 'manager'] as const) {
      const { cookie } = await s.staffSession(role);
      expect((await s.get('/api/staff/access-log', { cookie })).status, role).toBe(403);
    }
    expect((await s.get('/api/staff/access-log')).status).toBe(401);
  });

  it("records the officer's download of their work, once per request with contact details", async () => {
    const officer = await s.staffSession('officer');
    const r = await s.submit();
    await s.post(`/api/staff/requests/${r.tracking}/assign`, { user_id: officer.user.id }, { cookie: admin });
    const work = await s.get('/api/officer/work', { cookie: officer.cookie });
    expect(work.status).toBe(200);
    const mine = (await log()).items.filter((i) => i.viewer.email === officer.user.email);
    expect(mine).toEqual([expect.objectContaining({ via: 'officer_work', tracking: r.tracking })]);
  });

  it('removes contact details a set time after a request finished, and the figures stay', async () => {
    const closed = await s.submit();
    const resolved = await s.submit();
    const open = await s.submit();
    await move(closed.tracking, 'resolved');
    await move(closed.tracking, 'closed');
    await move(resolved.tracking, 'resolved');
    await s.db.query(
      `INSERT INTO push_subscriptions (id, request_id, endpoint, p256dh, auth, language)
       SELECT $1, id, 'https://push.example/1', 'key', 'auth', 'en' FROM requests WHERE tracking = $2`,
      [uuidv7(), closed.tracking],
    );
    const figures = async (): Promise<unknown[]> => [
      (await (await s.get('/api/staff/dashboard', { cookie: admin })).json()) as unknown,
      (await (await s.get('/api/public/scorecard')).json()) as unknown,
    ];
    const before = await figures();

    expect(await sweepContactsOnce(s.db, new Date(Date.now() + 89 * DAY), 90)).toBe(0);
    expect((await detail(closed.tracking)).contact).not.toBeNull();
    const viewsBefore = (await log()).total;
    // Every other finished request of this file is swept too: count those.
    const swept = await sweepContactsOnce(s.db, new Date(Date.now() + 91 * DAY), 90);
    expect(swept).toBe(2);

    for (const t of [closed.tracking, resolved.tracking]) {
      const d = await detail(t);
      expect(d.contact).toBeNull();
      expect(d.events.at(-1)).toMatchObject({
        kind: 'contact_removed',
        public: false,
        data: { reason: 'retention' },
      });
    }
    expect((await log()).total).toBe(viewsBefore); // nothing was shown, so nothing recorded
    expect((await detail(open.tracking)).contact?.email).toBe('ada@example.org');
    const left = await s.db.query('SELECT 1 FROM push_subscriptions');
    expect(left).toEqual([]);
    const public_ = (await (
      await s.get(`/api/requests/${closed.tracking}?token=${closed.token}`)
    ).json()) as {
      history: { kind?: string }[];
    };
    expect(JSON.stringify(public_.history)).not.toContain('contact_removed');
    expect(await figures()).toEqual(before);
    // Swept once: a second pass finds nothing.
    expect(await sweepContactsOnce(s.db, new Date(Date.now() + 91 * DAY), 90)).toBe(0);
  });

  it('lets the person remove their contact details at once with their access code', async () => {
    const r = await s.submit();
    const wrong = await s.post(
      `/api/requests/${r.tracking}/forget-contact`,
      {},
      { headers: { 'X-Access-Token': 'A'.repeat(43) } },
    );
    const wrongRead = await s.get(`/api/requests/${r.tracking}?token=${'A'.repeat(43)}`);
    expect([wrong.status, await wrong.text()]).toEqual([404, await wrongRead.text()]);
    expect((await s.post(`/api/requests/${r.tracking}/forget-contact`, {})).status).toBe(404);
    expect((await detail(r.tracking)).contact).not.toBeNull();

    const res = await s.post(`/api/requests/${r.tracking}/forget-contact`, { token: r.token });
    expect(res.status).toBe(200);
    const read = await s.get(`/api/requests/${r.tracking}?token=${r.token}`);
    expect(await res.json()).toEqual(await read.json());
    const d = await detail(r.tracking);
    expect(d.contact).toBeNull();
    expect(d.events.at(-1)).toMatchObject({
      kind: 'contact_removed',
      public: false,
      data: { reason: 'person' },
    });
    const [row] = await s.db.query<{ reason: string; consent: boolean; notify_email: boolean }>(
      `SELECT contact_removed_reason AS reason, contact_consent AS consent, notify_email
       FROM requests WHERE tracking = $1`,
      [r.tracking],
    );
    expect(row).toEqual({ reason: 'person', consent: false, notify_email: false });
  });

  it("sets a staff member's groups from the command line", async () => {
    const water = await s.submit(
      createEvent({
        request: { service_code: 'blocked-drain', attributes: { problem: 'blocked', homes: 'no' } },
      }),
    );
    const listed = async () =>
      (
        (await (await s.get('/api/staff/requests?per_page=100', { cookie: agent.cookie })).json()) as {
          items: { tracking: string; group_code: string }[];
        }
      ).items;
    expect((await listed()).map((i) => i.tracking)).toContain(water.tracking);
    expect(await runCommand(s.db, ['user', 'groups', agent.email.toUpperCase(), 'streets'], {})).toMatch(
      /streets/,
    );
    const streetsOnly = await listed();
    expect(streetsOnly.length).toBeGreaterThan(0);
    expect(new Set(streetsOnly.map((i) => i.group_code))).toEqual(new Set(['streets']));
    await expect(runCommand(s.db, ['user', 'groups', agent.email, 'streetz'], {})).rejects.toThrow(
      UsageError,
    );
    await expect(runCommand(s.db, ['user', 'groups', 'nobody@city.example'], {})).rejects.toThrow(UsageError);
    expect(await runCommand(s.db, ['user', 'groups', agent.email], {})).toMatch(/every group/);
    expect((await listed()).map((i) => i.tracking)).toContain(water.tracking);
  });
});
