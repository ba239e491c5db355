/**
 * Cross-site request forgery against the staff desk: a signed-in staff
 * member's browser, sent by another site's page, must not change anything.
 * The guard (http/security.ts) refuses a foreign Origin, and a cross-site or
 * same-site Sec-Fetch-Site even without an Origin; a form's content types
 * never pass. The same calls from the desk's own origin succeed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

const FOREIGN: readonly Record<string, string>[] = [
  { Origin: 'https://evil.example' },
  { Origin: 'http://localhost.evil.example' },
  { Origin: 'null' },
  { 'Sec-Fetch-Site': 'cross-site' },
  { 'Sec-Fetch-Site': 'same-site' },
  { 'Content-Type': 'application/x-www-form-urlencoded' },
  { 'Content-Type': 'text/plain' },
  { 'Content-Type': 'multipart/form-data; boundary=x' },
];
const OWN: readonly Record<string, string>[] = [
  {},
  { Origin: 'http://localhost' },
  { 'Sec-Fetch-Site': 'same-origin' },
  { 'Sec-Fetch-Site': 'none' },
];

describe.each(databases)('CSRF guard on $name', (target) => {
  let s: TestServer;
  let cookie = '';
  beforeAll(async () => {
    s = await TestServer.start(target);
    cookie = (await s.staffSession('admin')).cookie;
  });
  afterAll(() => s.close());

  const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    s.request(method, `http://localhost${path}`, JSON.stringify(body), {
      cookie,
      headers: { 'Content-Type': 'application/json', Host: 'localhost', ...headers },
    });

  it('refuses state-changing staff calls sent from another site, and changes nothing', async () => {
    const r = await s.submit();
    const calls: [string, string, unknown][] = [
      ['POST', `/api/staff/requests/${r.tracking}/notes`, { text: 'Forged note', public: true }],
      ['POST', `/api/staff/requests/${r.tracking}/status`, { to: 'rejected', message: 'Forged' }],
      [
        'POST',
        '/api/staff/users',
        { email: 'forged@evil.example', role: 'admin', password: 'long enough password' },
      ],
      ['POST', '/api/staff/bulk', { action: 'status', to: 'closed', items: [{ tracking: r.tracking }] }],
      ['POST', '/api/auth/logout', {}],
    ];
    for (const [method, path, body] of calls)
      for (const headers of FOREIGN) {
        const res = await send(method, path, body, headers);
        const expected = headers['Content-Type'] ? 415 : 403;
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(expected);
      }
    const text = await (await s.get(`/api/staff/requests/${r.tracking}`, { cookie })).text();
    expect((JSON.parse(text) as { status: string }).status).toBe('submitted');
    expect(text).not.toContain('Forged');
    const users = (await (await s.get('/api/staff/users', { cookie })).json()) as {
      users: { email: string }[];
    };
    expect(users.users.map((u) => u.email)).not.toContain('forged@evil.example');
    // Still signed in: the forged logout did not end the session.
    expect((await s.get('/api/auth/me', { cookie })).status).toBe(200);
  });

  it('lets the desk itself make the same calls', async () => {
    for (const headers of OWN) {
      const r = await s.submit();
      const res = await send(
        'POST',
        `/api/staff/requests/${r.tracking}/notes`,
        { text: 'Called back' },
        headers,
      );
      expect(res.status, JSON.stringify(headers)).toBeLessThan(300);
    }
  });
});
