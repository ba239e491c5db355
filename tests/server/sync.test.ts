/** POST /api/sync: exactly-once application, replays, per-event results and who may send what. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databases } from './helpers/databases';
import { createEvent, noteEvent, statusEvent, visitEvent } from './helpers/events';
import { TestServer } from './helpers/server';

async function countRequests(s: TestServer, eventIds: readonly string[]): Promise<number> {
  const [row] = await s.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM requests WHERE source_event_id = ANY($1::uuid[])',
    [eventIds],
  );
  return row?.n ?? -1;
}

describe.each(databases)('sync on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  it('accepts a request with a receipt: tracking number, token, status, due date', async () => {
    const e = createEvent();
    const [r] = await s.sync([e]);
    expect(r).toMatchObject({
      id: e.id,
      outcome: 'accepted',
      receipt: { status: 'submitted', service_code: 'pothole' },
    });
    if (r?.outcome !== 'accepted') throw new Error('rejected');
    expect(r.receipt?.tracking).toMatch(/^CD-[2-9A-HJKMNP-Z]{8}$/);
    expect(r.receipt?.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(r.receipt?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [row] = await s.db.query<{ token_hash: string; channel: string }>(
      'SELECT token_hash, channel FROM requests WHERE tracking = $1',
      [r.receipt?.tracking],
    );
    expect(row?.channel).toBe('web');
    // Only a hash of the token is stored.
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(r.receipt?.token ?? '?');
  });

  it('answers a replay with the identical result, token included, and creates nothing new', async () => {
    const events = [createEvent(), createEvent({ request: { service_code: 'no-such-service' } })];
    const body = JSON.stringify({ events });
    const send = () =>
      s
        .request('POST', '/api/sync', body, { headers: { 'Content-Type': 'application/json' } })
        .then((r) => r.text());
    const first = await send();
    const second = await send();
    expect(second).toBe(first);
    expect(await countRequests(s, [events[0]!.id])).toBe(1);
  });

  it('creates exactly one request per event when the same batch is sent 3 times at once', async () => {
    const events = Array.from({ length: 10 }, () => createEvent());
    const answers = await Promise.all([s.sync(events), s.sync(events), s.sync(events)]);
    expect(
      await countRequests(
        s,
        events.map((e) => e.id),
      ),
    ).toBe(10);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]?.every((r) => r.outcome === 'accepted')).toBe(true);
  });

  it('rejects a reused event id with a different payload', async () => {
    const e = createEvent();
    await s.sync([e]);
    const changed = { ...e, request: { ...e.request, description: 'something else' } };
    expect(await s.sync([changed])).toEqual([{ id: e.id, outcome: 'rejected', reason: 'event_id_reused' }]);
    // The same id twice within one batch with different payloads, too.
    const f = createEvent();
    const g = { ...f, request: { ...f.request, description: 'other' } };
    const [a, b] = await s.sync([f, g]);
    expect(a?.outcome).toBe('accepted');
    expect(b).toEqual({ id: f.id, outcome: 'rejected', reason: 'event_id_reused' });
  });

  it('rejects bad events with reason codes without blocking the others', async () => {
    const good1 = createEvent();
    const unknown = createEvent({ request: { service_code: 'no-such-service' } });
    const missing = createEvent({ request: { attributes: { location: 'road' } } });
    const wrongValue = createEvent({ request: { attributes: { size: 'enormous', location: 'road' } } });
    const good2 = createEvent();
    const results = await s.sync([good1, unknown, missing, wrongValue, good2]);
    expect(results.map((r) => r.outcome)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(results[1]).toMatchObject({ reason: 'unknown_service' });
    expect(results[2]).toMatchObject({ reason: 'missing_attribute', fields: ['attributes.size'] });
    expect(results[3]).toMatchObject({ reason: 'invalid', fields: ['attributes.size'] });
    expect(await countRequests(s, [good1.id, unknown.id, missing.id, wrongValue.id, good2.id])).toBe(2);
  });

  it('keeps contact details in their own columns and records the channel', async () => {
    const receipt = await s.submit(createEvent());
    const [row] = await s.db.query<{ contact_email: string; channel: string; attributes: unknown }>(
      'SELECT contact_email, channel, attributes FROM requests WHERE tracking = $1',
      [receipt.tracking],
    );
    expect(row).toEqual({
      contact_email: 'ada@example.org',
      channel: 'web',
      attributes: { size: 'large', location: 'road', depth: 12 },
    });
  });

  it('refuses kiosk and in-person requests, status changes, notes and visits from a citizen device', async () => {
    const receipt = await s.submit();
    const events = [
      createEvent({ channel: 'kiosk' }),
      createEvent({ channel: 'in_person' }),
      createEvent({ channel: 'api' }),
      statusEvent(receipt.tracking, 'acknowledged'),
      noteEvent(receipt.tracking, 'hello'),
      visitEvent(),
    ];
    const results = await s.sync(events);
    // Signing in cures the staff events; the kiosk and Open311 channels need other callers.
    expect(results.map((r) => (r.outcome === 'rejected' ? r.reason : r.outcome))).toEqual([
      'forbidden',
      'not_signed_in',
      'forbidden',
      'not_signed_in',
      'not_signed_in',
      'not_signed_in',
    ]);
    // Not stored: the same events pass once an officer is signed in.
    const { cookie } = await s.staffSession('manager');
    const again = await s.sync(
      events.filter((e) => !(e.type === 'create_request' && ['api', 'kiosk'].includes(e.channel))),
      { cookie },
    );
    expect(again.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  it('lets an officer file in-person requests and log visits, recorded with who and when', async () => {
    const { user, cookie } = await s.staffSession('officer');
    const e = createEvent({ channel: 'in_person' });
    const [r] = await s.sync([e, visitEvent()], { cookie });
    expect(r?.outcome).toBe('accepted');
    const [row] = await s.db.query<{ channel: string; created_by: string; actor: string }>(
      `SELECT r.channel, r.created_by, e.actor FROM requests r JOIN request_events e ON e.request_id = r.id
       WHERE r.source_event_id = $1 AND e.kind = 'created'`,
      [e.id],
    );
    expect(row).toEqual({ channel: 'in_person', created_by: user.id, actor: user.id });
    const [visits] = await s.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM visits WHERE officer_id = $1',
      [user.id],
    );
    expect(visits?.n).toBe(1);
  });

  it('applies officer status changes only on their assigned requests and by the lifecycle', async () => {
    const officer = await s.staffSession('officer');
    const mine = await s.submit();
    const other = await s.submit();
    await s.db.query('UPDATE requests SET assigned_to = $1 WHERE tracking = $2', [
      officer.user.id,
      mine.tracking,
    ]);
    const results = await s.sync(
      [
        statusEvent(mine.tracking, 'in_progress', 'Crew on the way'),
        statusEvent(other.tracking, 'in_progress'),
        statusEvent(mine.tracking, 'closed'),
        statusEvent('CD-22222222', 'resolved'),
      ],
      { cookie: officer.cookie },
    );
    expect(results.map((r) => (r.outcome === 'rejected' ? r.reason : r.outcome))).toEqual([
      'accepted',
      'unknown_request',
      'invalid_transition',
      'unknown_request',
    ]);
  });

  it('leaves no result for an event that fails unexpectedly, applies the rest, and takes it again later', async () => {
    await s.db.exec(`
      CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_boom BEFORE INSERT ON requests FOR EACH ROW EXECUTE FUNCTION test_boom();`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = createEvent({ request: { description: 'boom' } });
    const [a, b] = [createEvent(), createEvent()];
    const results = await s.sync([a, boom, b]);
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [a.id, 'accepted'],
      [b.id, 'accepted'],
    ]);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    await s.db.exec('DROP TRIGGER test_boom ON requests; DROP FUNCTION test_boom();');
    expect((await s.sync([boom]))[0]?.outcome).toBe('accepted');
  });
});
