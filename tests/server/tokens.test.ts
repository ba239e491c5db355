/**
 * Secrets a person holds: access tokens, short codes, session ids, kiosk
 * credentials. They are long random values, kept in the database only as
 * hashes (so a stolen dump opens nothing, and looking one up compares
 * hashes, never the secret itself; the short code, which is derived, is
 * compared with timingSafeEqual in requests/token.ts), and never written to
 * the server's log. A tracking number alone shows nothing personal, and
 * guessing at numbers and codes is stopped after a few tries.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { enrolKiosk } from './helpers/kiosk';
import { PASSWORD, TestServer } from './helpers/server';

/** Every row of every table as text, to search for a secret in clear. */
async function everyRow(s: TestServer): Promise<string> {
  const tables = await s.db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await s.db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

/** Distinct characters over many values: a counter or a clock would use few. */
function alphabetOf(values: readonly string[]): number {
  return new Set(values.join('')).size;
}

describe.each(databases)('tokens and sessions on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  it('makes access tokens, session ids and kiosk credentials long, random and unique', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) tokens.push((await s.submit()).token);
    const user = await s.createStaff('agent');
    const sessions: string[] = [];
    for (let i = 0; i < 8; i++) sessions.push((await s.login(user.email)).replace(/^civic_session=/, ''));
    const kiosks: string[] = [];
    for (let i = 0; i < 4; i++) kiosks.push((await enrolKiosk(s)).cookie.replace(/^civic_kiosk=/, ''));
    for (const [values, bits] of [
      [tokens, 192],
      [sessions, 256],
      [kiosks, 256],
    ] as const) {
      expect(new Set(values).size).toBe(values.length);
      for (const v of values) {
        expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(v.length).toBeGreaterThanOrEqual(Math.ceil(bits / 6));
      }
      // base64url draws from 64 characters; 20 random 32-character values use nearly all of them.
      expect(alphabetOf(values)).toBeGreaterThan(values.length >= 8 ? 50 : 40);
    }
  });

  it('keeps no token, session id, credential, short code or password in clear in any table', async () => {
    const r = await s.submit();
    const user = await s.createStaff('manager');
    const session = (await s.login(user.email)).replace(/^civic_session=/, '');
    const kiosk = (await enrolKiosk(s)).cookie.replace(/^civic_kiosk=/, '');
    const all = await everyRow(s);
    for (const secret of [r.token, r.short_code ?? 'no-short-code', session, kiosk, PASSWORD])
      expect(all.includes(secret), secret).toBe(false);
    expect(all).toContain(r.tracking);
  });

  it('writes no secret to the log during a sign-in, a failed one, and look-ups', async () => {
    const said: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void said.push(args.map(String).join(' '))),
    );
    try {
      const r = await s.submit();
      const user = await s.createStaff('admin');
      const session = await s.login(user.email, PASSWORD, '192.0.2.50');
      await s.post('/api/auth/login', { email: user.email, password: `${PASSWORD}!` });
      for (const code of [r.token, r.short_code ?? ''])
        expect(
          (await s.get(`/api/requests/${r.tracking}`, { headers: { 'X-Access-Token': code } })).status,
        ).toBe(200);
      await s.get(`/api/requests/${r.tracking}?token=${r.token}`);
      await s.get('/api/auth/me', { cookie: session });
      const text = said.join('\n');
      for (const secret of [r.token, r.short_code ?? '-', session.replace(/^civic_session=/, ''), PASSWORD])
        expect(text.includes(secret)).toBe(false);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('shows nothing personal for a tracking number alone', async () => {
    const contact = {
      name: 'Ngozi Okafor',
      phone: '+234 802 555 0199',
      email: 'ngozi@example.org',
      consent_updates: true,
    };
    const noise = createEvent({
      request: {
        service_code: 'noise-complaint',
        attributes: { source: 'generator' },
        description: 'Generator next door runs all night',
        contact,
      },
    });
    const privateOne = await s.submit(noise);
    const publicOne = await s.submit(
      createEvent({ request: { description: 'Hole at the gate of Ngozi', contact } }),
    );
    // Without its code: the same answer as a number that does not exist.
    const none = await s.get(`/api/requests/${privateOne.tracking}`, {
      headers: { 'X-Forwarded-For': '198.51.100.7' },
    });
    const unknown = await s.get('/api/requests/CD-AAAAAAAA', {
      headers: { 'X-Forwarded-For': '198.51.100.7' },
    });
    expect(none.status).toBe(404);
    expect(await none.text()).toBe(await unknown.text());
    for (const t of [privateOne.tracking, publicOne.tracking]) {
      const res = await s.get(`/open311/v2/requests/${t}.json`);
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const personal of [contact.name, contact.phone, contact.email, 'Okafor'])
        expect(body).not.toContain(personal);
    }
    // The private service's description stays private; the public one's is shown (public_details).
    expect(await (await s.get(`/open311/v2/requests/${privateOne.tracking}.json`)).text()).not.toContain(
      'Generator',
    );
    expect(await (await s.get(`/open311/v2/requests/${publicOne.tracking}.json`)).text()).toContain(
      'Hole at the gate',
    );
  });

  it('stops guessing at tracking numbers after 10 misses, with a reason the app translates', async () => {
    const r = await s.submit();
    const from = { 'X-Forwarded-For': '203.0.113.99' };
    for (let i = 0; i < 10; i++) {
      const res = await s.get(`/api/requests/CD-${'BCDFGHJK'.slice(0, 7)}${'BCDFGHJKMN'[i]}`, {
        headers: { ...from, 'X-Access-Token': 'ABCD-EFGH' },
      });
      expect(res.status).toBe(404);
    }
    const blocked = await s.get(`/api/requests/${r.tracking}`, {
      headers: { ...from, 'X-Access-Token': r.token },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: 'too_many_attempts' });
    // Another address is not held back by this one's guesses.
    const other = await s.get(`/api/requests/${r.tracking}`, {
      headers: { 'X-Forwarded-For': '203.0.113.100', 'X-Access-Token': r.token },
    });
    expect(other.status).toBe(200);
    // What the people see: the Track page's 429 text (src/sync/track.ts: 'tries') and the desk's sign-in one.
    for (const lang of LANGS) {
      const citizen = locale(`${lang}.json`) as { track: { problem: { tries: string } } };
      const staff = locale(`staff/${lang}.json`) as { signIn: { tooMany_other: string } };
      expect(citizen.track.problem.tries.length).toBeGreaterThan(10);
      expect(staff.signIn.tooMany_other).toContain('{{count}}');
      if (lang !== 'en') expect(citizen.track.problem.tries).not.toBe(englishTries);
    }
  });
});

const LANGS = ['en', 'fr', 'es', 'pt', 'ar', 'sw', 'yo', 'ha'] as const;
function locale(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${file}`, import.meta.url), 'utf8'));
}
const englishTries = (locale('en.json') as { track: { problem: { tries: string } } }).track.problem.tries;
