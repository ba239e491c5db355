/**
 * Who is told what: rows follow the person's consent per channel, every kind
 * of public change (by the staff API and by an officer's device) and nothing
 * internal; the in-app changes pull carries each notified change with its
 * message; "partly fixed" is an answer; old rows expire after 72 hours;
 * only admins see the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncChangesSchema } from '../../src/core/sync-changes';
import { loadVapidKeys } from '../../server/notify/vapid';
import { runNotificationsOnce } from '../../server/notify/worker';
import { databases } from './helpers/databases';
import { createEvent, feedbackEvent, noteEvent, statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';

describe.each(databases)('notification rules on $name', (target) => {
  let s: TestServer;
  let agent: { user: { id: string }; cookie: string };
  const act = async (tracking: string, path: string, body: unknown) => {
    const res = await s.post(`/api/staff/requests/${tracking}/${path}`, body, { cookie: agent.cookie });
    expect(res.status).toBe(200);
  };
  const rowsOf = (tracking: string) =>
    s.db.query<{ channel: string; kind: string; language: string }>(
      `SELECT n.channel, n.kind, n.language FROM notifications n JOIN requests q ON q.id = n.request_id
       WHERE q.tracking = $1 ORDER BY n.id`,
      [tracking],
    );
  const contact = { name: 'Ada', phone: '+234 801 234 5678', email: 'ada@example.org' };

  beforeAll(async () => {
    // No channel configured: rows are still written, and fail with a clear reason.
    s = await TestServer.start(target);
    agent = await s.staffSession('agent');
  });
  afterAll(() => s.close());

  it('writes one row per channel the person agreed to, and none without consent', async () => {
    const legacy = await s.submit(
      createEvent({ request: { contact: { ...contact, consent_updates: true } } }),
    );
    const smsOnly = await s.submit(
      createEvent({ request: { contact: { ...contact, consent_updates: true, consent_channels: ['sms'] } } }),
    );
    const noPhone = await s.submit(
      createEvent({
        request: { contact: { email: 'x@example.org', consent_updates: true, consent_channels: ['sms'] } },
      }),
    );
    const declined = await s.submit(
      createEvent({ request: { contact: { ...contact, consent_updates: false } } }),
    );
    for (const r of [legacy, smsOnly, noPhone, declined]) await act(r.tracking, 'acknowledge', {});
    expect((await rowsOf(legacy.tracking)).map((r) => r.channel)).toEqual(['email', 'sms']);
    expect((await rowsOf(smsOnly.tracking)).map((r) => r.channel)).toEqual(['sms']);
    expect(await rowsOf(noPhone.tracking)).toEqual([]);
    expect(await rowsOf(declined.tracking)).toEqual([]);
  });

  it('tells every public change, from the desk and from an officer’s device, and nothing internal', async () => {
    const officer = await s.staffSession('officer');
    const original = await s.submit();
    const r = await s.submit(
      createEvent({
        request: {
          language: 'sw',
          contact: { ...contact, consent_updates: true, consent_channels: ['email'] },
        },
      }),
    );
    await act(r.tracking, 'acknowledge', { message: 'Tumeipokea' });
    await act(r.tracking, 'assign', { user_id: officer.user.id });
    await act(r.tracking, 'notes', { text: 'internal only' });
    await act(r.tracking, 'notes', { text: 'Timu iko njiani', public: true });
    // The officer's device, working offline, sends status changes through sync.
    const synced = await s.sync(
      [statusEvent(r.tracking, 'in_progress', 'Tuko kazini'), noteEvent(r.tracking, 'private', false)],
      { cookie: officer.cookie },
    );
    expect(synced.map((x) => x.outcome)).toEqual(['accepted', 'accepted']);
    await s.sync([statusEvent(r.tracking, 'resolved', 'Imekamilika')], { cookie: officer.cookie });
    await act(r.tracking, 'status', { to: 'in_progress', message: 'Bado kuna shimo' });
    await act(r.tracking, 'duplicate', { of: original.tracking, message: 'Tazama ombi la kwanza' });
    const rows = await rowsOf(r.tracking);
    expect(rows.map((x) => x.kind)).toEqual([
      'acknowledged',
      'message',
      'status',
      'resolved',
      'reopened',
      'duplicate',
    ]);
    expect(new Set(rows.map((x) => `${x.channel} ${x.language}`))).toEqual(new Set(['email sw']));

    // In the app: the changes pull carries each of those changes with its message.
    const res = await s.get('/api/sync/changes', { headers: { 'X-Civic-Tokens': r.token } });
    const pulled = syncChangesSchema.parse(await res.json()).changes[0];
    expect(pulled?.status).toBe('duplicate');
    expect(pulled?.history.slice(1).map((h) => [h.status ?? null, h.message ?? null])).toEqual([
      ['acknowledged', 'Tumeipokea'],
      [null, 'Timu iko njiani'],
      ['in_progress', 'Tuko kazini'],
      ['resolved', 'Imekamilika'],
      ['in_progress', 'Bado kuna shimo'],
      ['duplicate', 'Tazama ombi la kwanza'],
    ]);
  });

  it('fails a row whose channel is not configured, and one not sent within 72 hours', async () => {
    const r = await s.submit(createEvent({ request: { contact: { ...contact, consent_updates: true } } }));
    await act(r.tracking, 'acknowledge', {});
    // The server was down for three days: the rows are past their window when a worker next looks.
    s.setNow(new Date(Date.now() + 73 * 3600_000));
    await runNotificationsOnce(s.liveDeps, { worker: 'rules' });
    s.setNow(undefined);
    const states = await s.db.query<{ channel: string; state: string; last_error: string }>(
      `SELECT n.channel, n.state, n.last_error FROM notifications n JOIN requests q ON q.id = n.request_id
       WHERE q.tracking = $1 ORDER BY n.id`,
      [r.tracking],
    );
    expect(states.map((x) => [x.channel, x.state, x.last_error])).toEqual([
      ['email', 'failed', 'not sent within 72 hours'],
      ['sms', 'failed', 'not sent within 72 hours'],
    ]);
    const fresh = await s.submit(
      createEvent({ request: { contact: { ...contact, consent_updates: true } } }),
    );
    await act(fresh.tracking, 'acknowledge', {});
    await runNotificationsOnce(s.liveDeps, { worker: 'rules' });
    const [email, sms] = await s.db.query<{ state: string; last_error: string }>(
      `SELECT n.state, n.last_error FROM notifications n JOIN requests q ON q.id = n.request_id
       WHERE q.tracking = $1 ORDER BY n.id`,
      [fresh.tracking],
    );
    expect(email).toEqual({ state: 'failed', last_error: 'e-mail is not configured (set SMTP_URL)' });
    expect(sms).toEqual({ state: 'failed', last_error: 'SMS is not configured (set SMS_WEBHOOK_URL)' });
  });

  it('records "partly fixed" with the rating', async () => {
    const r = await s.submit();
    await act(r.tracking, 'status', { to: 'resolved' });
    const [result] = await s.sync([{ ...feedbackEvent(r.tracking, r.token, 3), fixed: 'partly' }]);
    expect(result?.outcome).toBe('accepted');
    const view = (await (
      await s.get(`/api/staff/requests/${r.tracking}`, { cookie: agent.cookie })
    ).json()) as {
      feedback: { rating: number; fixed: string };
    };
    expect(view.feedback).toMatchObject({ rating: 3, fixed: 'partly' });
    const [bad] = await s.sync([{ ...feedbackEvent(r.tracking, r.token, 3), fixed: 'mostly' }]);
    expect(bad?.outcome).toBe('rejected');
  });

  it('shows the queue to admins only, with counts by state and the tracking number', async () => {
    const anonymous = await s.get('/api/staff/notifications');
    expect(anonymous.status).toBe(401);
    for (const role of ['agent', 'officer', 'manager'] as const) {
      const { cookie } = await s.staffSession(role);
      expect((await s.get('/api/staff/notifications', { cookie })).status).toBe(403);
    }
    const admin = await s.staffSession('admin');
    const res = await s.get('/api/staff/notifications?state=failed&per_page=5', { cookie: admin.cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      counts: Record<string, number>;
      notifications: {
        tracking: string;
        channel: string;
        state: string;
        attempts: number;
        last_error: string;
      }[];
    };
    const [all] = await s.db.query<{ failed: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE state = 'failed')::int AS failed,
         count(*) FILTER (WHERE state = 'pending')::int AS pending FROM notifications`,
    );
    expect(body.counts).toMatchObject({ failed: all?.failed, pending: all?.pending, delivered: 0 });
    expect(body.notifications).toHaveLength(5);
    for (const n of body.notifications) {
      expect(n.state).toBe('failed');
      expect(n.tracking).toMatch(/^CD-/);
      expect(n.attempts).toBeGreaterThanOrEqual(0);
      expect(n.last_error).toBeTruthy();
      expect(JSON.stringify(n)).not.toContain('example.org');
    }
    expect((await s.get('/api/staff/notifications?state=nope', { cookie: admin.cookie })).status).toBe(400);
  });

  it('keeps one VAPID key pair: a restart signs with the key devices subscribed to', async () => {
    const again = await loadVapidKeys(s.db);
    expect(again).toEqual(s.deps.notify.vapid);
    const key = (await (await s.get('/api/push/key')).json()) as { publicKey: string };
    expect(Buffer.from(key.publicKey, 'base64url')).toHaveLength(65);
  });
});
