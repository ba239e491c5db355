/**
 * Phone and counter intake: staff file a request for the person in front of
 * them, recorded with who took it, in the person's language, at most once
 * per form, and checked by the same rules as every request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../server/auth/roles';
import { uuidv7 } from '../../src/core/ids';
import { databases } from './helpers/databases';
import { createEvent, potholeFields } from './helpers/events';
import { TestServer } from './helpers/server';

interface Receipt {
  tracking: string;
  due: string;
  status: string;
  language: string;
}

describe.each(databases)('phone and counter intake on $name', (target) => {
  let s: TestServer;
  let agent: { user: StaffUser; cookie: string };
  let officer: { user: StaffUser; cookie: string };
  beforeAll(async () => {
    s = await TestServer.start(target);
    agent = await s.staffSession('agent');
    officer = await s.staffSession('officer');
  });
  afterAll(() => s.close());

  const intake = (body: unknown, cookie = agent.cookie) => s.post('/api/staff/intake', body, { cookie });

  it('files a phone request taken by the agent, in the caller’s language, once however often it is sent', async () => {
    const id = uuidv7();
    const body = {
      id,
      channel: 'phone',
      request: potholeFields({ language: 'ha' }),
      time: { minutes: 6, source: 'timer' },
    };
    const first = await intake(body);
    expect(first.status).toBe(201);
    const { receipt } = (await first.json()) as { receipt: Receipt };
    expect(receipt).toMatchObject({ status: 'submitted', language: 'ha' });
    expect(receipt.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await intake(body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { receipt: Receipt }).receipt.tracking).toBe(receipt.tracking);
    const d = (await (
      await s.get(`/api/staff/requests/${receipt.tracking}`, { cookie: agent.cookie })
    ).json()) as {
      channel: string;
      taken_by: { email: string };
      contact: { consent_updates: boolean };
      events: { kind: string; actor: string; staff_minutes: number }[];
    };
    expect(d).toMatchObject({
      channel: 'phone',
      taken_by: { email: agent.user.email },
      contact: { consent_updates: true },
    });
    expect(d.events).toMatchObject([{ kind: 'created', actor: agent.user.id, staff_minutes: 6 }]);
    const [count] = await s.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM requests WHERE source_event_id = $1',
      [id],
    );
    expect(count?.n).toBe(1);
  });

  it('files a counter request and counts it by channel', async () => {
    const res = await intake({ id: uuidv7(), channel: 'counter', request: potholeFields() });
    expect(res.status).toBe(201);
    const manager = await s.staffSession('manager');
    const stats = (await (await s.get('/api/staff/stats', { cookie: manager.cookie })).json()) as {
      by_channel: Record<string, number>;
    };
    expect(stats.by_channel).toMatchObject({ counter: 1, phone: 1 });
  });

  it('answers wrong answers with the fields to fix, and bad bodies with 400', async () => {
    const res = await intake({
      id: uuidv7(),
      channel: 'phone',
      request: potholeFields({ attributes: { size: 'huge' }, location: {} }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { fields: string[] };
    expect(body.fields).toEqual(expect.arrayContaining(['attributes.size', 'location']));
    expect(
      (await intake({ id: uuidv7(), channel: 'phone', request: potholeFields({ service_code: 'nope' }) }))
        .status,
    ).toBe(422);
    for (const bad of [
      { id: 'x', channel: 'phone', request: potholeFields() },
      { id: uuidv7(), channel: 'web', request: potholeFields() },
      { id: uuidv7(), channel: 'phone' },
    ])
      expect((await intake(bad)).status).toBe(400);
  });

  it('is for triage staff only; a citizen device cannot claim the phone or counter channel', async () => {
    const body = { id: uuidv7(), channel: 'phone', request: potholeFields() };
    expect((await intake(body, officer.cookie)).status).toBe(403);
    expect((await s.post('/api/staff/intake', body)).status).toBe(401);
    // Without a session the device is told to sign in; an officer's session may not either.
    const [anonymous] = await s.sync([createEvent({ channel: 'counter' })]);
    expect(anonymous).toMatchObject({ outcome: 'rejected', reason: 'not_signed_in' });
    const [byOfficer] = await s.sync([createEvent({ channel: 'phone' })], { cookie: officer.cookie });
    expect(byOfficer).toMatchObject({ outcome: 'rejected', reason: 'forbidden' });
  });
});
