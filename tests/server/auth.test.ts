/** Staff sign-in: sessions in safe cookies, rate-limited attempts, logout, me. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { PASSWORD, TestServer } from './helpers/server';

describe.each(databases)('auth on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  const login = (email: string, password: string, ip = '198.51.100.7', proto = 'http') =>
    s.post(
      '/api/auth/login',
      { email, password },
      { headers: { 'X-Forwarded-For': ip, 'X-Forwarded-Proto': proto } },
    );

  it('signs in with an HttpOnly, SameSite=Strict session cookie, Secure over HTTPS', async () => {
    const user = await s.createStaff('agent');
    const res = await login(user.email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: user.id, email: user.email, name: null, role: 'agent' } });
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^civic_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const secure = await login(user.email, PASSWORD, '198.51.100.8', 'https');
    expect(secure.headers.get('Set-Cookie')).toContain('Secure');
  });

  it('knows who is signed in, and forgets them on logout', async () => {
    const { user, cookie } = await s.staffSession('manager');
    const me = await s.get('/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: user.id, email: user.email, name: null, role: 'manager' },
    });
    expect((await s.post('/api/auth/logout', {}, { cookie })).status).toBe(200);
    expect((await s.get('/api/auth/me', { cookie })).status).toBe(401);
    expect((await s.get('/api/auth/me')).status).toBe(401);
    expect((await s.get('/api/auth/me', { cookie: 'civic_session=forged' })).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const user = await s.createStaff('agent');
    const wrong = await login(user.email, 'not the password', '203.0.113.1');
    const unknown = await login('nobody@city.example', PASSWORD, '203.0.113.1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('refuses a 6th attempt after 5 failures per e-mail and address with 429, even with the right password', async () => {
    const user = await s.createStaff('agent');
    for (let i = 0; i < 5; i++)
      expect((await login(user.email, `wrong ${i}`, '203.0.113.9')).status).toBe(401);
    const blocked = await login(user.email, PASSWORD, '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address is not blocked; after the window the first one is not either.
    expect((await login(user.email, PASSWORD, '203.0.113.10')).status).toBe(200);
    s.setNow(new Date(Date.now() + 16 * 60_000));
    expect((await login(user.email, PASSWORD, '203.0.113.9')).status).toBe(200);
    s.setNow(undefined);
  });

  it('refuses bad login bodies with 400 and non-JSON with 415', async () => {
    expect((await s.post('/api/auth/login', { email: 'a@b.c' })).status).toBe(400);
    expect((await s.post('/api/auth/login', { email: 'a@b.c', password: 'x', remember: true })).status).toBe(
      400,
    );
    expect((await s.post('/api/auth/login', { email: 1, password: 2 })).status).toBe(400);
    const form = await s.request('POST', '/api/auth/login', 'email=a&password=b', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const noType = await s.request('POST', '/api/auth/logout', '{}');
    expect(noType.status).toBe(415);
  });

  it('does not let a disabled account sign in or keep its session', async () => {
    const { user, cookie } = await s.staffSession('agent');
    await s.db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    expect((await s.get('/api/auth/me', { cookie })).status).toBe(401);
    expect((await login(user.email, PASSWORD, '203.0.113.50')).status).toBe(401);
  });
});
