/** Bad input to POST /api/sync: always a 4xx with a reason code, never a 5xx. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

describe.each(databases)('sync input on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  const raw = (body: string, contentType = 'application/json') =>
    s.request('POST', '/api/sync', body, { headers: { 'Content-Type': contentType } });

  it('answers invalid JSON with 400 invalid_json', async () => {
    const res = await raw('{"events": [');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_json' });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await raw('events=1', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it.each([
    ['unknown top-level field', { events: [createEvent()], extra: 1 }, ['extra']],
    [
      'an event without a usable id',
      { events: [createEvent(), { ...createEvent(), id: 42 }] },
      ['events.1.id'],
    ],
    ['an empty batch', { events: [] }, ['events']],
    ['more than 100 events', { events: Array.from({ length: 101 }, () => createEvent()) }, ['events']],
    ['events that are not a list', { events: 'all of them' }, ['events']],
    ['not an object', [1, 2, 3], ['(root)']],
    ['null', null, ['(root)']],
  ])('answers %s with 400 invalid and the failing paths', async (_name, body, fields) => {
    const res = await raw(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid', fields });
  });

  it('rejects a malformed event by itself, naming its fields, and applies the rest', async () => {
    const good = createEvent();
    const base = createEvent();
    const bad = [
      { ...createEvent(), extra: true },
      { ...base, request: { ...base.request, x: 1 } },
      { ...createEvent(), type: 'delete_everything' },
      { ...createEvent(), at: 'yesterday' },
      createEvent({ request: { location: { lat: 200, long: 0 } } }),
    ];
    const res = await raw(JSON.stringify({ events: [bad[0], good, ...bad.slice(1)] }));
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: { id: string; outcome: string; fields?: string[] }[];
    };
    expect(results.map((r) => r.outcome)).toEqual([
      'rejected',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(results.map((r) => r.id)).toEqual([bad[0], good, ...bad.slice(1)].map((e) => e?.id));
    expect(results[0]).toMatchObject({ reason: 'invalid', fields: ['extra'] });
    expect(results[2]).toMatchObject({ fields: ['request.x'] });
    expect(results[4]).toMatchObject({ fields: ['at'] });
    expect(results[5]?.fields?.[0]).toMatch(/^request\.location/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const big = JSON.stringify({
      events: [createEvent({ request: { description: 'x'.repeat(1_100_000) } })],
    });
    const res = await raw(big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large' });
  });

  it('refuses a cross-site POST', async () => {
    const res = await s.request('POST', '/api/sync', JSON.stringify({ events: [createEvent()] }), {
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', Host: 'localhost' },
    });
    expect(res.status).toBe(403);
  });
});
