/** GET and POST /api/sync/changes: what changed on the device's requests since its cursor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncChangesSchema, type SyncChanges } from '../../src/core/sync-changes';
import { databases } from './helpers/databases';
import { noteEvent, statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';

describe.each(databases)('sync changes on $name', (target) => {
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    s = await TestServer.start(target);
    agent = (await s.staffSession('agent')).cookie;
  });
  afterAll(() => s.close());

  async function changes(tokens: readonly string[], since?: string): Promise<SyncChanges> {
    const res = await s.get(`/api/sync/changes${since ? `?since=${since}` : ''}`, {
      headers: { 'X-Civic-Tokens': tokens.join(',') },
    });
    expect(res.status).toBe(200);
    return syncChangesSchema.parse(await res.json());
  }

  it('returns the requests of the tokens sent, then only what changed after the cursor', async () => {
    const a = await s.submit();
    const b = await s.submit();
    const first = await changes([a.token, b.token]);
    expect(first.changes.map((c) => c.tracking).sort()).toEqual([a.tracking, b.tracking].sort());
    expect(first.changes[0]?.history).toEqual([{ at: expect.any(String) as string, status: 'submitted' }]);

    // Nothing new after the cursor. On a shared PostgreSQL server another session's open
    // transaction can hold the cursor back, so a request may come again exactly as it was.
    const unchanged = (c: SyncChanges['changes'][number]) =>
      expect(c).toEqual(first.changes.find((f) => f.tracking === c.tracking));
    (await changes([a.token, b.token], first.cursor)).changes.forEach(unchanged);

    await s.sync([statusEvent(a.tracking, 'acknowledged', 'We are on it')], { cookie: agent });
    const second = await changes([a.token, b.token], first.cursor);
    const acked = second.changes.find((c) => c.tracking === a.tracking);
    second.changes.filter((c) => c !== acked).forEach(unchanged);
    expect(acked).toMatchObject({ tracking: a.tracking, status: 'acknowledged' });
    expect(acked?.history.at(-1)).toMatchObject({
      status: 'acknowledged',
      message: 'We are on it',
    });
    expect(Number(second.cursor)).toBeGreaterThanOrEqual(Number(first.cursor));
  });

  it('does not report internal notes, and never requests of other tokens', async () => {
    const a = await s.submit();
    const b = await s.submit();
    const { cursor } = await changes([a.token]);
    await s.sync([noteEvent(a.tracking, 'Internal: caller was rude')], { cookie: agent });
    await s.sync([statusEvent(b.tracking, 'acknowledged')], { cookie: agent });
    // On a shared PostgreSQL server another session's open transaction can hold the
    // cursor back, so a may come again as it was (at least once, by design) — but
    // never b, and never anything of the internal note.
    const quiet = await changes([a.token], cursor);
    for (const c of quiet.changes) {
      expect(c).toMatchObject({ tracking: a.tracking, status: 'submitted' });
      expect(c.history).toHaveLength(1);
    }
    expect(JSON.stringify(quiet)).not.toContain('rude');
    await s.sync([noteEvent(a.tracking, 'Parts ordered', true)], { cookie: agent });
    const after = await changes([a.token], cursor);
    expect(after.changes.map((c) => c.tracking)).toEqual([a.tracking]);
    expect(JSON.stringify(after)).not.toContain('rude');
  });

  it('takes the tokens in a POST body as well', async () => {
    const a = await s.submit();
    const res = await s.post('/api/sync/changes', { tokens: [a.token] });
    expect(res.status).toBe(200);
    expect(syncChangesSchema.parse(await res.json()).changes[0]?.tracking).toBe(a.tracking);
  });

  it('answers no tokens with no changes, and unknown tokens the same', async () => {
    expect((await changes([])).changes).toEqual([]);
    expect((await changes(['A'.repeat(32)])).changes).toEqual([]);
  });

  it('refuses a bad cursor, bad tokens, too many tokens and unknown parameters with 400', async () => {
    const bad = [
      s.get('/api/sync/changes?since=abc'),
      s.get('/api/sync/changes?since=1&other=2'),
      s.get('/api/sync/changes', { headers: { 'X-Civic-Tokens': 'short' } }),
      s.get('/api/sync/changes', {
        headers: { 'X-Civic-Tokens': Array.from({ length: 101 }, () => 'A'.repeat(32)).join(',') },
      }),
      s.post('/api/sync/changes', { tokens: [], extra: 1 }),
      s.post('/api/sync/changes', { tokens: 'A' }),
    ];
    for (const res of await Promise.all(bad)) expect(res.status).toBe(400);
  });
});
