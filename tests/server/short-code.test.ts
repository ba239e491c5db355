/**
 * The short access code: 8 characters a person can copy to another phone,
 * issued with each receipt, accepted with the tracking number by
 * GET /api/requests/{tracking}, and guarded by a limit on failed look-ups per
 * client. The device's own long token keeps working and stays long.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShortCode, isShortCode } from '../../src/core/access-code';
import { LOOKUP_LIMIT } from '../../server/routes/requests';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

/** A different client address per test, so each starts with no failed look-ups. */
let clients = 0;
const client = () => ({ 'X-Forwarded-For': `198.51.100.${++clients}` });

describe.each(databases)('short access code on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  it('comes with the receipt beside the long token, and the same on a replay', async () => {
    const event = createEvent();
    const [first] = await s.sync([event]);
    const [again] = await s.sync([event]);
    const receipt = first?.outcome === 'accepted' ? first.receipt : undefined;
    expect(receipt?.short_code).toBeDefined();
    expect(isShortCode(receipt?.short_code ?? '')).toBe(true);
    expect(receipt?.token).toHaveLength(32);
    expect(again).toEqual(first);
    // Derived, never stored: nothing in the database holds it.
    const rows = await s.db.query<{ t: string }>('SELECT row_to_json(r)::text AS t FROM requests r');
    expect(rows.map((r) => r.t).join()).not.toContain(receipt?.short_code ?? '?');
  });

  it('gives each request its own code', async () => {
    const codes = new Set<string | undefined>();
    for (let i = 0; i < 5; i++) codes.add((await s.submit()).short_code);
    expect(codes.size).toBe(5);
  });

  it('opens the request with the tracking number, however the person copied it', async () => {
    const r = await s.submit();
    const code = r.short_code ?? '';
    for (const typed of [
      code,
      formatShortCode(code).toLowerCase(),
      formatShortCode(code).replace(' ', '-'),
    ]) {
      const res = await s.get(`/api/requests/${r.tracking}`, {
        headers: { ...client(), 'X-Access-Token': typed },
      });
      expect(res.status, typed).toBe(200);
      expect(await res.json()).toMatchObject({ tracking: r.tracking, status: 'submitted', due: r.due });
    }
    const byQuery = await s.get(`/api/requests/${r.tracking}?token=${code}`, { headers: client() });
    expect(byQuery.status).toBe(200);
  });

  it("refuses another request's code, and a code without its own tracking number: 404", async () => {
    const a = await s.submit();
    const b = await s.submit();
    const headers = { ...client(), 'X-Access-Token': b.short_code ?? '' };
    const res = await s.get(`/api/requests/${a.tracking}`, { headers });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found' });
  });

  it('after too many failed look-ups from one client, says so with when to try again', async () => {
    const r = await s.submit();
    const me = client();
    const wrong = { ...me, 'X-Access-Token': '4HXP7RT7' };
    for (let i = 0; i < LOOKUP_LIMIT.max; i++)
      expect((await s.get(`/api/requests/${r.tracking}`, { headers: wrong })).status).toBe(404);
    // Even the right code is refused now: a guesser cannot tell a hit from a miss.
    const blocked = await s.get(`/api/requests/${r.tracking}`, {
      headers: { ...me, 'X-Access-Token': r.short_code ?? '' },
    });
    expect(blocked.status).toBe(429);
    const body = (await blocked.json()) as { error: string; retry_after: number };
    expect(body.error).toBe('too_many_attempts');
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(LOOKUP_LIMIT.windowMinutes * 60);
    expect(blocked.headers.get('Retry-After')).toBe(String(body.retry_after));
    // Another client is not affected.
    const other = await s.get(`/api/requests/${r.tracking}`, {
      headers: { ...client(), 'X-Access-Token': r.short_code ?? '' },
    });
    expect(other.status).toBe(200);
  });

  it('lets the client look up again once the window has passed', async () => {
    const r = await s.submit();
    const me = client();
    const start = new Date();
    s.setNow(start);
    for (let i = 0; i < LOOKUP_LIMIT.max; i++)
      await s.get(`/api/requests/${r.tracking}`, { headers: { ...me, 'X-Access-Token': 'B'.repeat(32) } });
    const headers = { ...me, 'X-Access-Token': r.token };
    expect((await s.get(`/api/requests/${r.tracking}`, { headers })).status).toBe(429);
    s.setNow(new Date(start.getTime() + LOOKUP_LIMIT.windowMinutes * 60_000 + 1000));
    expect((await s.get(`/api/requests/${r.tracking}`, { headers })).status).toBe(200);
    s.setNow(undefined);
  });

  it('does not count successful look-ups against the person', async () => {
    const r = await s.submit();
    const headers = { ...client(), 'X-Access-Token': r.short_code ?? '' };
    for (let i = 0; i < LOOKUP_LIMIT.max + 2; i++)
      expect((await s.get(`/api/requests/${r.tracking}`, { headers })).status).toBe(200);
  });
});
