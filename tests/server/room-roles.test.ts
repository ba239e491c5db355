/**
 * The matrix beyond the staff desk: the officer's room (their own
 * assignment against another officer's), the kiosk's (its credential
 * against none and against staff), photos, and a citizen's access token —
 * tried by anonymous, citizen, kiosk, agent, officer, manager and admin.
 * Only the allowed pairs succeed; refusals are 401, 403 or 404 (or, in
 * sync, the event rejected and not stored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/roles';
import { attachmentEvent, createEvent, TINY_PNG } from './helpers/events';
import { enrolKiosk } from './helpers/kiosk';
import { TestServer } from './helpers/server';
import { databases } from './helpers/databases';

type Who = 'anonymous' | 'citizen' | 'kiosk' | Role;
const WHO: readonly Who[] = ['anonymous', 'citizen', 'kiosk', 'agent', 'officer', 'manager', 'admin'];

interface Case {
  readonly name: string;
  readonly allowed: readonly Who[];
  readonly method: 'GET' | 'POST';
  readonly path: () => string;
  readonly body?: () => unknown;
  /** For sync: allowed means the one event was accepted. */
  readonly sync?: boolean;
}

describe.each(databases)('room role matrix on $name', (target) => {
  let s: TestServer;
  const headers = new Map<Who, Record<string, string>>();
  let own = { tracking: '', sha: '', token: '' };
  let others = { tracking: '', sha: '', token: '' };

  /** A request with a photo, assigned to the officer given. */
  async function assignedWithPhoto(officerId: string, admin: string) {
    const create = createEvent();
    // Photos are stored by their hash: each request needs bytes of its own.
    const bytes = new Uint8Array(Buffer.concat([TINY_PNG, Buffer.from(officerId)]));
    const photo = attachmentEvent(create.id, bytes, 'image/png');
    const r = await s.submit({ ...create, request: { ...create.request, photos: [photo.photo] } });
    await s.request('PUT', `/api/attachments/${create.id}/${photo.photo.sha256}`, bytes);
    await s.post(`/api/staff/requests/${r.tracking}/assign`, { user_id: officerId }, { cookie: admin });
    return { tracking: r.tracking, sha: photo.photo.sha256, token: r.token };
  }

  beforeAll(async () => {
    s = await TestServer.start(target);
    const admin = await s.staffSession('admin');
    for (const role of ['agent', 'officer', 'manager', 'admin'] as const) {
      const session = role === 'admin' ? admin : await s.staffSession(role);
      headers.set(role, { Cookie: session.cookie });
      if (role === 'officer') own = await assignedWithPhoto(session.user.id, admin.cookie);
    }
    const otherOfficer = await s.staffSession('officer');
    others = await assignedWithPhoto(otherOfficer.user.id, admin.cookie);
    headers.set('anonymous', {});
    headers.set('citizen', { 'X-Access-Token': own.token });
    headers.set('kiosk', { Cookie: (await enrolKiosk(s)).cookie });
  });
  afterAll(() => s.close());

  const staff: readonly Who[] = ['agent', 'officer', 'manager', 'admin'];
  const readAll: readonly Who[] = ['agent', 'manager', 'admin'];
  const field: readonly Who[] = ['officer', 'manager', 'admin'];
  const cases: readonly Case[] = [
    { name: 'officer session', allowed: field, method: 'GET', path: () => '/api/officer/session' },
    { name: 'officer work', allowed: field, method: 'GET', path: () => '/api/officer/work' },
    {
      name: 'own assignment',
      allowed: staff,
      method: 'GET',
      path: () => `/api/staff/requests/${own.tracking}`,
    },
    {
      name: "another's assignment",
      allowed: readAll,
      method: 'GET',
      path: () => `/api/staff/requests/${others.tracking}`,
    },
    {
      name: 'photo of own assignment',
      allowed: staff,
      method: 'GET',
      path: () => `/api/attachments/${own.sha}`,
    },
    {
      name: "photo of another's",
      allowed: readAll,
      method: 'GET',
      path: () => `/api/attachments/${others.sha}`,
    },
    {
      name: "note on another's assignment",
      allowed: readAll,
      method: 'POST',
      path: () => `/api/staff/requests/${others.tracking}/notes`,
      body: () => ({ text: 'Seen' }),
    },
    { name: 'kiosk settings', allowed: ['kiosk'], method: 'GET', path: () => '/api/kiosk/settings' },
    {
      name: 'sync kiosk request',
      allowed: ['kiosk'],
      method: 'POST',
      path: () => '/api/sync',
      body: () => ({ events: [createEvent({ channel: 'kiosk' })] }),
      sync: true,
    },
    {
      name: 'sync in-person request',
      allowed: field,
      method: 'POST',
      path: () => '/api/sync',
      body: () => ({ events: [createEvent({ channel: 'in_person' })] }),
      sync: true,
    },
    // The citizen's token opens its own request only; staff see requests through the staff API.
    {
      name: 'track own request',
      allowed: ['citizen'],
      method: 'GET',
      path: () => `/api/requests/${own.tracking}`,
    },
    {
      name: 'track another request',
      allowed: [],
      method: 'GET',
      path: () => `/api/requests/${others.tracking}`,
    },
    { name: 'staff queue', allowed: staff, method: 'GET', path: () => '/api/staff/requests' },
    {
      name: 'notifications (admin)',
      allowed: ['admin'],
      method: 'GET',
      path: () => '/api/staff/notifications',
    },
    { name: 'kiosks (admin)', allowed: ['admin'], method: 'GET', path: () => '/api/staff/kiosks' },
  ];

  it('lets only the allowed pairs through', async () => {
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const c of cases)
      for (const who of WHO) {
        const h = {
          'Content-Type': 'application/json',
          'X-Forwarded-For': `192.0.2.${WHO.indexOf(who) + 10}`,
          ...headers.get(who),
        };
        const res = await s.request(c.method, c.path(), c.body ? JSON.stringify(c.body()) : undefined, {
          headers: h,
        });
        let ok = res.status >= 200 && res.status < 300;
        if (ok && c.sync) {
          const { results } = (await res.json()) as { results: { outcome: string; reason?: string }[] };
          ok = results[0]?.outcome === 'accepted';
          if (!ok)
            expect(['forbidden', 'not_signed_in'], `${c.name} as ${who}`).toContain(results[0]?.reason);
        } else if (!ok) expect([401, 403, 404], `${c.name} as ${who}`).toContain(res.status);
        outcome.push(`${c.name} as ${who}: ${ok ? 'allowed' : 'refused'}`);
        expected.push(`${c.name} as ${who}: ${c.allowed.includes(who) ? 'allowed' : 'refused'}`);
      }
    expect(outcome).toEqual(expected);
  }, 120_000);
});
