/** GET /api/requests/{tracking}: the citizen's view with the access token — public history only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { noteEvent, statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';

describe.each(databases)('request lookup on $name', (target) => {
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    s = await TestServer.start(target);
    agent = (await s.staffSession('agent')).cookie;
  });
  afterAll(() => s.close());

  it('shows service, status, due date and the public history, never notes or contact details', async () => {
    const r = await s.submit();
    await s.sync(
      [
        statusEvent(r.tracking, 'acknowledged', 'Thank you, we will look'),
        noteEvent(r.tracking, 'Internal: check budget'),
        noteEvent(r.tracking, 'Crew booked for Monday', true),
      ],
      { cookie: agent },
    );
    const res = await s.get(`/api/requests/${r.tracking}`, { headers: { 'X-Access-Token': r.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      tracking: r.tracking,
      service_code: 'pothole',
      service_name: 'Pothole',
      status: 'acknowledged',
      due: r.due,
    });
    expect(body['history']).toEqual([
      { at: expect.any(String) as string, status: 'submitted' },
      { at: expect.any(String) as string, status: 'acknowledged', message: 'Thank you, we will look' },
      { at: expect.any(String) as string, message: 'Crew booked for Monday' },
    ]);
    const text = JSON.stringify(body);
    for (const secret of ['Internal', 'ada@example.org', 'Ada Obi', '5678'])
      expect(text).not.toContain(secret);
  });

  it('takes the token as ?token= too, a tracking number as typed, and a language', async () => {
    const r = await s.submit();
    const typed = r.tracking.toLowerCase().replace('cd-', 'cd ');
    const res = await s.get(`/api/requests/${encodeURIComponent(typed)}?token=${r.token}&lang=fr`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { tracking: string }).tracking).toBe(r.tracking);
  });

  it('answers a wrong token exactly like an unknown number: 404', async () => {
    const r = await s.submit();
    const wrong = await s.get(`/api/requests/${r.tracking}`, {
      headers: { 'X-Access-Token': 'B'.repeat(32) },
    });
    const none = await s.get(`/api/requests/${r.tracking}`);
    const unknown = await s.get('/api/requests/CD-22222222', { headers: { 'X-Access-Token': r.token } });
    const garbage = await s.get('/api/requests/not-a-number', { headers: { 'X-Access-Token': r.token } });
    for (const res of [wrong, none, unknown, garbage]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found' });
    }
  });

  it('refuses unknown query parameters', async () => {
    const r = await s.submit();
    expect((await s.get(`/api/requests/${r.tracking}?token=${r.token}&debug=1`)).status).toBe(400);
  });
});
