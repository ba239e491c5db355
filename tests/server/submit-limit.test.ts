/**
 * New requests without a session are limited per client address (issue 15):
 * one device's offline backlog of 30 goes through in one batch, a flood from
 * one address is refused with 429 and Retry-After once it has made 100 in
 * the hour (nothing of a refused batch is kept), other addresses, staff
 * sessions and an hour later the same address are not held back, and an
 * Open311 client is counted on the same address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_LIMIT } from '../../server/auth/submit-limit';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';
import { newApiKey, postForm, streetlightForm } from './open311-helpers';

const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });
const batch = (n: number) => Array.from({ length: n }, () => createEvent());

async function requestCount(s: TestServer): Promise<number> {
  const [row] = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM requests');
  return row?.n ?? 0;
}

describe.each(databases)('new requests per address on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  it('takes a device’s backlog of 30 in one batch', async () => {
    const results = await s.sync(batch(30), from('198.51.100.30'));
    expect(results.filter((r) => r.outcome === 'accepted')).toHaveLength(30);
  });

  it('refuses a flood from one address with 429 and Retry-After, keeping nothing of it', async () => {
    expect(SUBMIT_LIMIT).toEqual({ max: 100, windowMinutes: 60 });
    const flood = '198.51.100.66';
    for (let i = 0; i < 2; i++) await s.sync(batch(50), from(flood));
    const before = await requestCount(s);
    // A thousand more, in the batches a client would send them: every one refused.
    for (let i = 0; i < 10; i++) {
      const res = await s.post('/api/sync', { events: batch(100) }, from(flood));
      expect(res.status).toBe(429);
      const wait = Number(res.headers.get('Retry-After'));
      expect(wait).toBeGreaterThan(3500);
      expect(wait).toBeLessThanOrEqual(3600);
      expect(await res.json()).toEqual({ error: 'too_many_requests', retry_after: wait });
    }
    expect(await requestCount(s)).toBe(before);

    // Another address, and staff signed in at the flooded one, are not held back.
    expect((await s.sync(batch(1), from('198.51.100.67')))[0]?.outcome).toBe('accepted');
    const agent = (await s.staffSession('agent')).cookie;
    const phoned = await s.sync([createEvent({ channel: 'phone' })], { ...from(flood), cookie: agent });
    expect(phoned[0]?.outcome).toBe('accepted');

    // An hour on, the address may send again.
    s.setNow(new Date(Date.now() + 61 * 60_000));
    try {
      expect((await s.sync(batch(1), from(flood)))[0]?.outcome).toBe('accepted');
    } finally {
      s.setNow(undefined);
    }
  });

  it('counts Open311 clients on the same address and answers them in the spec’s error list', async () => {
    const key = await newApiKey(s.db, 'limit test');
    const ip = '198.51.100.99';
    await s.sync(batch(99), from(ip));
    const post = (path: string) =>
      s.request('POST', path, new URLSearchParams(streetlightForm(key).map(([k, v]) => [k, v])).toString(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
      });
    expect((await post('/open311/v2/requests.json')).status).toBe(200);
    const refused = await post('/open311/v2/requests.json');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(3500);
    expect(await refused.json()).toEqual([
      { code: 429, description: expect.stringMatching(/^too many requests from this address/) as string },
    ]);
    const xml = await post('/open311/v2/requests.xml');
    expect(xml.status).toBe(429);
    expect(await xml.text()).toContain('<code>429</code>');
    // The app's sync from that address is refused too: one count per address.
    expect((await s.post('/api/sync', { events: batch(1) }, from(ip))).status).toBe(429);
    // Another address's Open311 client is not.
    expect((await postForm(s, '/open311/v2/requests.json', streetlightForm(key))).status).toBe(200);
  });
});
