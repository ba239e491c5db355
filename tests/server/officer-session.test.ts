/**
 * An officer's session for a day offline: 12 hours, renewed whenever the
 * device calls while online; other roles keep the fixed 12 hours. When it
 * runs out offline, the outbox's events are refused 'not_signed_in', not
 * stored, and the very same events pass after signing in again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerSessionSchema } from '../../src/core/officer-work';
import { databases } from './helpers/databases';
import { createEvent, noteEvent, visitEvent } from './helpers/events';
import { TestServer } from './helpers/server';

const HOUR = 3600 * 1000;

describe.each(databases)('officer sessions on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  const session = async (cookie: string) => {
    const res = await s.get('/api/officer/session', { cookie });
    return {
      status: res.status,
      setCookie: res.headers.get('Set-Cookie'),
      body: (await res.json()) as unknown,
    };
  };

  it('renews an officer session to 12 hours from each online call, with a fresh cookie', async () => {
    const start = new Date('2026-03-02T07:00:00Z');
    s.setNow(start);
    const { cookie } = await s.staffSession('officer');
    const first = officerSessionSchema.parse((await session(cookie)).body);
    expect(first.expires_at).toBe('2026-03-02T19:00:00.000Z');
    // Back in signal at 18:00, an hour before the first day's end.
    s.setNow(new Date(start.getTime() + 11 * HOUR));
    const renewed = await session(cookie);
    expect(officerSessionSchema.parse(renewed.body).expires_at).toBe('2026-03-03T06:00:00.000Z');
    expect(renewed.setCookie).toMatch(
      /^civic_session=[A-Za-z0-9_-]{43};.*Expires=Tue, 03 Mar 2026 06:00:00 GMT/,
    );
    // 20:00: past the first 12 hours, still signed in.
    s.setNow(new Date(start.getTime() + 13 * HOUR));
    expect((await session(cookie)).status).toBe(200);
    s.setNow(undefined);
  });

  it('keeps staff sessions at a fixed 12 hours', async () => {
    const start = new Date('2026-03-02T07:00:00Z');
    s.setNow(start);
    const { cookie } = await s.staffSession('agent');
    s.setNow(new Date(start.getTime() + 11 * HOUR));
    const me = await s.get('/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.headers.get('Set-Cookie')).toBeNull();
    s.setNow(new Date(start.getTime() + 12 * HOUR + 1000));
    expect((await s.get('/api/auth/me', { cookie })).status).toBe(401);
    s.setNow(undefined);
  });

  it('refuses the day offline as not_signed_in once the session ran out, then takes the same events after sign-in', async () => {
    const start = new Date(Date.now() - 14 * HOUR);
    s.setNow(start);
    const officer = await s.staffSession('officer');
    s.setNow(undefined); // 14 hours later, never online in between
    const mine = await s.submit();
    await s.db.query('UPDATE requests SET assigned_to = $1 WHERE tracking = $2', [
      officer.user.id,
      mine.tracking,
    ]);
    const day = [
      createEvent({ channel: 'in_person' }),
      visitEvent(),
      noteEvent(mine.tracking, 'Spoke to the owner'),
    ];
    const refused = await s.sync(day, { cookie: officer.cookie });
    expect(refused.map((r) => (r.outcome === 'rejected' ? r.reason : r.outcome))).toEqual(
      Array(3).fill('not_signed_in'),
    );
    const [stored] = await s.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM applied_events WHERE id = ANY($1::uuid[])',
      [day.map((e) => e.id)],
    );
    expect(stored?.n).toBe(0);
    const cookie = await s.login(officer.user.email);
    const accepted = await s.sync(day, { cookie });
    expect(accepted.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    // And a replay is the same answer, not a second copy.
    expect(await s.sync(day, { cookie })).toEqual(accepted);
    const [visits] = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM visits WHERE id = $1', [
      day[1]?.id,
    ]);
    expect(visits?.n).toBe(1);
  });

  it('answers 401 without a session and 403 to a role without field work', async () => {
    expect((await s.get('/api/officer/session')).status).toBe(401);
    const agent = await s.staffSession('agent');
    expect((await s.get('/api/officer/work', { cookie: agent.cookie })).status).toBe(403);
  });
});
