/**
 * Kiosks on the server: enrolment (a one-time code for a long-lived cookie),
 * the settings a kiosk reads, kiosk requests only from an enrolled kiosk and
 * stored with its id, and revocation that refuses what is made afterwards but
 * loses nothing made before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_SETTINGS } from '../../src/core/kiosk';
import { kioskCommand } from '../../server/cli/kiosk';
import { UsageError } from '../../server/cli/usage';
import { renewEnrolCode, revokeKiosk } from '../../server/kiosks/store';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { enrolKiosk, registerKiosk } from './helpers/kiosk';
import { TestServer } from './helpers/server';

const reasons = (results: readonly { outcome: string; reason?: string }[]) =>
  results.map((r) => r.reason ?? r.outcome);

describe.each(databases)('kiosks on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  it('exchanges a one-time code for an HttpOnly, SameSite=Strict cookie scoped to the API', async () => {
    const { id, code } = await registerKiosk(s, { idle_warning_s: 20, idle_reset_s: 30 });
    const res = await s.post('/api/kiosk/enrol', { code }, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kiosk: {
        id,
        name: 'Ikeja service centre',
        settings: { ...DEFAULT_KIOSK_SETTINGS, idle_warning_s: 20, idle_reset_s: 30 },
      },
    });
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^civic_kiosk=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/api(;|$)/);
    expect(cookie).toMatch(/Max-Age=34560000/);
    // The database keeps only a hash of the credential and forgets the code.
    const credential = /^civic_kiosk=([^;]+)/.exec(cookie)?.[1] ?? '?';
    const [row] = await s.db.query<{ credential_hash: string; enrol_code_hash: string | null }>(
      'SELECT credential_hash, enrol_code_hash FROM kiosks WHERE id = $1',
      [id],
    );
    expect(row?.credential_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.credential_hash).not.toContain(credential);
    expect(row?.enrol_code_hash).toBeNull();
    // Once only: a second device with the same link gets nothing.
    const again = await s.post('/api/kiosk/enrol', { code });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_enrolment_code' });
    expect(again.headers.get('Set-Cookie')).toBeNull();
  });

  it('refuses unknown, malformed and expired codes with one reason', async () => {
    const { id, code } = await registerKiosk(s);
    await s.db.query("UPDATE kiosks SET enrol_expires_at = now() - interval '1 minute' WHERE id = $1", [id]);
    for (const body of [{ code }, { code: 'A'.repeat(22) }, { code: 'short' }]) {
      const res = await s.post('/api/kiosk/enrol', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'invalid_enrolment_code' });
    }
    expect((await s.post('/api/kiosk/enrol', { code, extra: 1 })).status).toBe(400);
  });

  it('tells an enrolled kiosk its settings and renews its cookie; anyone else is not a kiosk', async () => {
    const kiosk = await enrolKiosk(s, { default_language: 'yo', services: ['pothole', 'streetlight-out'] });
    const res = await s.get('/api/kiosk/settings', { cookie: kiosk.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Set-Cookie')).toContain(kiosk.cookie);
    expect(await res.json()).toMatchObject({
      kiosk: {
        id: kiosk.id,
        settings: {
          idle_warning_s: 60,
          idle_reset_s: 90,
          default_language: 'yo',
          services: ['pothole', 'streetlight-out'],
        },
      },
    });
    for (const cookie of [undefined, 'civic_kiosk=nonsense', `civic_kiosk=${'x'.repeat(43)}`]) {
      const r = await s.get('/api/kiosk/settings', { cookie });
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ error: 'not_a_kiosk' });
    }
  });

  it('files kiosk requests only with a kiosk credential, and stores the kiosk id with them', async () => {
    const kiosk = await enrolKiosk(s);
    const fromPhone = createEvent({ channel: 'kiosk' });
    expect(reasons(await s.sync([fromPhone]))).toEqual(['forbidden']);
    const fromForged = await s.sync([fromPhone], { cookie: `civic_kiosk=${'A'.repeat(43)}` });
    expect(reasons(fromForged)).toEqual(['forbidden']);
    // Not stored: the very same event passes from the kiosk itself.
    const web = createEvent();
    expect(reasons(await s.sync([fromPhone, web], { cookie: kiosk.cookie }))).toEqual([
      'accepted',
      'accepted',
    ]);
    const rows = await s.db.query<{ source_event_id: string; channel: string; kiosk_id: string | null }>(
      'SELECT source_event_id, channel, kiosk_id FROM requests WHERE source_event_id = ANY($1::uuid[]) ORDER BY channel',
      [[fromPhone.id, web.id]],
    );
    expect(rows).toEqual([
      { source_event_id: fromPhone.id, channel: 'kiosk', kiosk_id: kiosk.id },
      { source_event_id: web.id, channel: 'web', kiosk_id: null },
    ]);
  });

  it('after revocation refuses requests made later with kiosk_revoked, and still takes those queued before', async () => {
    const kiosk = await enrolKiosk(s);
    const queued = createEvent({ channel: 'kiosk', at: new Date(Date.now() - 60_000).toISOString() });
    await revokeKiosk(s.db, kiosk.id, new Date(Date.now() - 30_000));
    const later = createEvent({ channel: 'kiosk' });
    const results = await s.sync([queued, later], { cookie: kiosk.cookie });
    expect(reasons(results)).toEqual(['accepted', 'kiosk_revoked']);
    expect(results[0]).toMatchObject({ receipt: { status: 'submitted' } });
    // The refusal is final and stable: the replay answers the same, nothing is created.
    expect(await s.sync([queued, later], { cookie: kiosk.cookie })).toEqual(results);
    const [n] = await s.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM requests WHERE source_event_id = ANY($1::uuid[])',
      [[queued.id, later.id]],
    );
    expect(n?.n).toBe(1);
    // The kiosk learns why from its settings call too; an old link cannot bring it back.
    const settings = await s.get('/api/kiosk/settings', { cookie: kiosk.cookie });
    expect(settings.status).toBe(403);
    expect(await settings.json()).toMatchObject({ error: 'kiosk_revoked' });
  });

  it('cannot backdate past the offline window to slip requests in after revocation', async () => {
    const kiosk = await enrolKiosk(s);
    await revokeKiosk(s.db, kiosk.id, new Date(Date.now() - 20 * 86_400_000));
    const backdated = createEvent({
      channel: 'kiosk',
      at: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    });
    expect(reasons(await s.sync([backdated], { cookie: kiosk.cookie }))).toEqual(['kiosk_revoked']);
  });

  it('a new enrolment replaces the previous device of the same kiosk', async () => {
    const { id, code } = await registerKiosk(s);
    const first = await s.post('/api/kiosk/enrol', { code });
    const firstCookie = (first.headers.get('Set-Cookie') ?? '').split(';')[0];
    const renewed = await renewEnrolCode(s.db, id, new Date());
    const second = await s.post('/api/kiosk/enrol', { code: renewed?.code });
    expect(second.status).toBe(200);
    expect((await s.get('/api/kiosk/settings', { cookie: firstCookie })).status).toBe(401);
  });

  it('kiosk add prints a link that enrols a device; list, set and revoke work from the command line', async () => {
    const env = { PUBLIC_URL: 'https://civic.example' };
    const out = await kioskCommand(
      s.db,
      'add',
      ['--name', 'Ikeja service centre', '--idle-warning', '5', '--idle-reset', '9'],
      env,
    );
    const link = /^(https:\/\/civic\.example\/kiosk\/enrol#[A-Za-z0-9_-]{22})$/m.exec(out)?.[1];
    const id = /\(([0-9a-f-]{36})\)/.exec(out)?.[1];
    expect(link).toBeDefined();
    const code = new URL(link ?? '').hash.slice(1);
    const enrolled = await s.post('/api/kiosk/enrol', { code });
    expect(await enrolled.json()).toMatchObject({
      kiosk: { id, settings: { idle_warning_s: 5, idle_reset_s: 9 } },
    });
    const cookie = (enrolled.headers.get('Set-Cookie') ?? '').split(';')[0];

    await kioskCommand(s.db, 'set', [id ?? '', '--language', 'ha', '--services', 'pothole'], env);
    expect(await (await s.get('/api/kiosk/settings', { cookie })).json()).toMatchObject({
      kiosk: {
        settings: { idle_warning_s: 5, idle_reset_s: 9, default_language: 'ha', services: ['pothole'] },
      },
    });
    expect(await kioskCommand(s.db, 'list', [], env)).toMatch(
      new RegExp(`${id}  Ikeja service centre  \\(enrolled`),
    );
    expect(await kioskCommand(s.db, 'revoke', [id ?? ''], env)).toMatch(/^Revoked/);
    expect(await kioskCommand(s.db, 'list', [], env)).toMatch(
      new RegExp(`${id}  Ikeja service centre  \\(revoked`),
    );
    expect((await s.get('/api/kiosk/settings', { cookie })).status).toBe(403);
    await expect(kioskCommand(s.db, 'link', [id ?? ''], env)).rejects.toThrow(/not revoked/);
  });

  it('refuses bad kiosk commands with a usage message', async () => {
    const bad = [
      ['add', []],
      ['add', ['--name', '']],
      // Text PostgreSQL cannot store: a NUL, half of an emoji.
      ['add', ['--name', 'Ikeja\u0000']],
      ['add', ['--name', 'Ikeja \uD83D']],
      ['add', ['--name', 'X', '--idle-warning', '90', '--idle-reset', '60']],
      ['add', ['--name', 'X', '--idle-warning', 'soon']],
      ['add', ['--name', 'X', '--language', 'de']],
      ['add', ['--name', 'X', '--services', 'pothole,no-such-service']],
      ['add', ['--name', 'X', '--colour', 'red']],
      ['revoke', ['not-an-id']],
      ['revoke', ['01900000-0000-7000-8000-000000000000']],
      ['explode', []],
    ] as const;
    for (const [action, args] of bad)
      await expect(kioskCommand(s.db, action, [...args], {}), `${action} ${args.join(' ')}`).rejects.toThrow(
        UsageError,
      );
  });
});
