/**
 * Kiosks kept from the staff desk (/api/staff/kiosks, admins only): a kiosk
 * registered there answers its enrolment link once, and the device it makes
 * is a kiosk with those settings; settings and name change; a new link
 * replaces the old; revoking refuses the device's later requests; the list
 * shows state, last contact and what each kiosk filed. Bad input is a 4xx
 * naming the field, never a 5xx, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_SETTINGS } from '../../src/core/kiosk';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

interface Listed {
  id: string;
  name: string;
  state: string;
  settings: typeof DEFAULT_KIOSK_SETTINGS;
  last_seen_at: string | null;
  requests: number;
  last_request_at: string | null;
  enrol_expires_at: string | null;
}

describe.each(databases)('kiosks at the staff desk on $name', (target) => {
  let s: TestServer;
  let admin = '';
  const json = (body: unknown) => ({
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });
  const put = (url: string, body: unknown) => {
    const b = json(body);
    return s.request('PUT', url, b.body, { cookie: admin, headers: b.headers });
  };
  const list = async (): Promise<Listed[]> =>
    ((await (await s.get('/api/staff/kiosks', { cookie: admin })).json()) as { kiosks: Listed[] }).kiosks;
  const add = async (name: string, settings: Partial<typeof DEFAULT_KIOSK_SETTINGS> = {}) => {
    const res = await s.post(
      '/api/staff/kiosks',
      { name, settings: { ...DEFAULT_KIOSK_SETTINGS, ...settings } },
      { cookie: admin },
    );
    expect(res.status).toBe(201);
    return (await res.json()) as { kiosk: Listed; link: string; expires_at: string };
  };
  const codeOf = (link: string) => link.split('#')[1] ?? '';

  beforeAll(async () => {
    s = await TestServer.start(target);
    admin = (await s.staffSession('admin')).cookie;
  });
  afterAll(() => s.close());

  it('registers a kiosk whose link, opened once, makes a kiosk with those settings', async () => {
    const added = await add('Ikeja service centre', {
      idle_warning_s: 30,
      idle_reset_s: 45,
      default_language: 'yo',
      services: ['pothole'],
    });
    expect(added.link).toMatch(/^http:\/\/localhost:8080\/kiosk\/enrol#[A-Za-z0-9_-]{22}$/);
    expect(added.kiosk.state).toBe('waiting');
    const enrol = await s.post('/api/kiosk/enrol', { code: codeOf(added.link) });
    expect(enrol.status).toBe(200);
    const cookie = (enrol.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    const settings = await s.get('/api/kiosk/settings', { cookie });
    expect(await settings.json()).toMatchObject({
      kiosk: {
        id: added.kiosk.id,
        name: 'Ikeja service centre',
        settings: { idle_warning_s: 30, idle_reset_s: 45, default_language: 'yo', services: ['pothole'] },
      },
    });
    expect((await s.post('/api/kiosk/enrol', { code: codeOf(added.link) })).status).toBe(400);
    // The device filed a request: the list shows it enrolled, seen, with one request.
    expect((await s.sync([createEvent({ channel: 'kiosk' })], { cookie }))[0]?.outcome).toBe('accepted');
    const row = (await list()).find((k) => k.id === added.kiosk.id);
    expect(row).toMatchObject({ state: 'enrolled', requests: 1, enrol_expires_at: null });
    expect(row?.last_seen_at).not.toBeNull();
    expect(row?.last_request_at).not.toBeNull();
    // The list never carries a code, a credential or their hashes.
    expect(JSON.stringify(await list())).not.toMatch(/hash|credential|#/);
  });

  it('changes name and settings, and the enrolled device reads them on its next call', async () => {
    const added = await add('Counter 2');
    const enrol = await s.post('/api/kiosk/enrol', { code: codeOf(added.link) });
    const cookie = (enrol.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    const res = await put(`/api/staff/kiosks/${added.kiosk.id}`, {
      name: 'Counter 2, Ojota',
      settings: { idle_warning_s: 20, idle_reset_s: 40, default_language: 'ha', services: null },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { kiosk: Listed }).kiosk).toMatchObject({
      name: 'Counter 2, Ojota',
      state: 'enrolled',
    });
    expect(await (await s.get('/api/kiosk/settings', { cookie })).json()).toMatchObject({
      kiosk: {
        name: 'Counter 2, Ojota',
        settings: { idle_warning_s: 20, idle_reset_s: 40, default_language: 'ha' },
      },
    });
  });

  it('makes a new link that replaces the old one, and revoking stops both link and device', async () => {
    const added = await add('Library');
    const renewed = await s.post(`/api/staff/kiosks/${added.kiosk.id}/link`, {}, { cookie: admin });
    expect(renewed.status).toBe(200);
    const { link } = (await renewed.json()) as { link: string };
    expect(link).not.toBe(added.link);
    expect((await s.post('/api/kiosk/enrol', { code: codeOf(added.link) })).status).toBe(400);
    const enrol = await s.post('/api/kiosk/enrol', { code: codeOf(link) });
    expect(enrol.status).toBe(200);
    const cookie = (enrol.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';

    const revoked = await s.post(`/api/staff/kiosks/${added.kiosk.id}/revoke`, {}, { cookie: admin });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { kiosk: Listed }).kiosk.state).toBe('revoked');
    expect((await s.get('/api/kiosk/settings', { cookie })).status).toBe(403);
    const later = createEvent({ channel: 'kiosk', at: new Date(Date.now() + 1000).toISOString() });
    expect((await s.sync([later], { cookie }))[0]).toMatchObject({ reason: 'kiosk_revoked' });
    // A revoked kiosk gets no new link, and revoking again keeps the first time.
    const again = await s.post(`/api/staff/kiosks/${added.kiosk.id}/link`, {}, { cookie: admin });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'kiosk_revoked' });
    const first = (await list()).find((k) => k.id === added.kiosk.id);
    await s.post(`/api/staff/kiosks/${added.kiosk.id}/revoke`, {}, { cookie: admin });
    expect((await list()).find((k) => k.id === added.kiosk.id)).toEqual(first);
  });

  it('refuses bad input with a 4xx naming the field, and stores nothing', async () => {
    const before = (await list()).length;
    const settings = DEFAULT_KIOSK_SETTINGS;
    const cases: [unknown, number, string[]][] = [
      [{ name: '', settings }, 400, ['name']],
      [{ name: '   ', settings }, 400, ['name']],
      [{ name: 'x'.repeat(101), settings }, 400, ['name']],
      [{ name: 'A', settings: { ...settings, idle_warning_s: 2 } }, 400, ['settings.idle_warning_s']],
      [
        { name: 'A', settings: { ...settings, idle_warning_s: 90, idle_reset_s: 60 } },
        400,
        ['settings.idle_reset_s'],
      ],
      [{ name: 'A', settings: { ...settings, idle_warning_s: '60' } }, 400, ['settings.idle_warning_s']],
      [{ name: 'A', settings: { ...settings, default_language: 'de' } }, 400, ['settings.default_language']],
      [{ name: 'A', settings: { ...settings, services: [] } }, 400, ['settings.services']],
      [{ name: 'A', settings: { ...settings, services: ['no-such-service'] } }, 422, ['settings.services']],
      [{ name: 'A', settings, extra: true }, 400, ['extra']],
      [{ name: 'A' }, 400, ['settings']],
    ];
    for (const [body, status, fields] of cases) {
      const res = await s.post('/api/staff/kiosks', body, { cookie: admin });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { fields: string[] }).fields, JSON.stringify(body)).toEqual(fields);
    }
    const broken = await s.request('POST', '/api/staff/kiosks', '{"name":', {
      cookie: admin,
      ...json(undefined),
    });
    expect(broken.status).toBe(400);
    const nul = await s.post('/api/staff/kiosks', { name: 'A\u0000B', settings }, { cookie: admin });
    expect(nul.status).toBe(400);
    expect((await list()).length).toBe(before);
    // Unknown or malformed ids are not found; a bad body to a real kiosk changes nothing.
    const real = (await list())[0];
    for (const id of ['nope', '01900000-0000-7000-8000-000000000000']) {
      expect((await put(`/api/staff/kiosks/${id}`, { name: 'B', settings })).status).toBe(404);
      expect((await s.post(`/api/staff/kiosks/${id}/link`, {}, { cookie: admin })).status).toBe(404);
      expect((await s.post(`/api/staff/kiosks/${id}/revoke`, {}, { cookie: admin })).status).toBe(404);
    }
    expect(
      (await put(`/api/staff/kiosks/${real?.id}`, { name: 'B', settings: { ...settings, services: ['x'] } }))
        .status,
    ).toBe(422);
    expect((await list())[0]).toEqual(real);
  });
});
