/**
 * The role matrix: every staff route tried by anonymous, agent, officer,
 * manager and admin, each on fresh data; only the allowed pairs succeed.
 * Requests are assigned to the officer, so officers' own work (status,
 * notes, reopen) is allowed while triage (acknowledge, assign, duplicate)
 * is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, StaffUser } from '../../server/auth/roles';
import { uuidv7 } from '../../src/core/ids';
import { databases } from './helpers/databases';
import { potholeFields } from './helpers/events';
import { TestServer } from './helpers/server';

type Who = 'anonymous' | Role;
const WHO: readonly Who[] = ['anonymous', 'agent', 'officer', 'manager', 'admin'];

interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  /** Bulk answers 200 with a result per request: success is every one done. */
  readonly allDone?: boolean;
}

interface Case {
  readonly name: string;
  readonly allowed: readonly Role[];
  /** Makes fresh data for one attempt and returns the call. */
  readonly make: () => Call | Promise<Call>;
}

describe.each(databases)('staff role matrix on $name', (target) => {
  let s: TestServer;
  let admin: { user: StaffUser; cookie: string };
  const sessions = new Map<Who, string | undefined>();
  let officerId = '';

  /** A request assigned to the officer, moved to `status` first when asked. */
  const request = async (status?: string): Promise<string> => {
    const r = await s.submit();
    await s.post(
      `/api/staff/requests/${r.tracking}/assign`,
      { user_id: officerId },
      { cookie: admin.cookie },
    );
    if (status)
      await s.post(`/api/staff/requests/${r.tracking}/status`, { to: status }, { cookie: admin.cookie });
    return r.tracking;
  };
  const template = async (): Promise<string> => {
    const res = await s.post('/api/staff/templates', templateBody, { cookie: admin.cookie });
    return ((await res.json()) as { template: { id: string } }).template.id;
  };
  const templateBody = { service_code: null, status: 'resolved', name: 'Fixed', texts: { en: 'Fixed.' } };
  let userCount = 0;
  const kioskBody = {
    name: 'Matrix kiosk',
    settings: { idle_warning_s: 60, idle_reset_s: 90, default_language: 'en', services: null },
  };
  const kiosk = async (): Promise<string> => {
    const res = await s.post('/api/staff/kiosks', kioskBody, { cookie: admin.cookie });
    return ((await res.json()) as { kiosk: { id: string } }).kiosk.id;
  };
  const adminOnly: readonly Role[] = ['admin'];

  const all: readonly Role[] = ['agent', 'officer', 'manager', 'admin'];
  const triage: readonly Role[] = ['agent', 'manager', 'admin'];
  const keepers: readonly Role[] = ['manager', 'admin'];
  const action = (name: string, body: unknown, allowed: readonly Role[], status?: string): Case => ({
    name: `POST /api/staff/requests/:t/${name}`,
    allowed,
    make: async () => ({
      method: 'POST',
      path: `/api/staff/requests/${await request(status)}/${name}`,
      body,
    }),
  });
  const cases: readonly Case[] = [
    { name: 'GET /api/auth/me', allowed: all, make: () => ({ method: 'GET', path: '/api/auth/me' }) },
    {
      name: 'GET /api/staff/requests',
      allowed: all,
      make: () => ({ method: 'GET', path: '/api/staff/requests' }),
    },
    {
      name: 'GET /api/staff/requests/counts',
      allowed: all,
      make: () => ({ method: 'GET', path: '/api/staff/requests/counts' }),
    },
    {
      name: 'GET /api/staff/requests/:t',
      allowed: all,
      make: async () => ({ method: 'GET', path: `/api/staff/requests/${await request()}` }),
    },
    action('acknowledge', { message: 'Received' }, triage),
    action('assign', { user_id: null }, triage),
    action('status', { to: 'in_progress', message: 'On it' }, all),
    action('reopen', { message: 'Again' }, all, 'resolved'),
    action('notes', { text: 'Called back' }, all),
    {
      name: 'POST /api/staff/requests/:t/duplicate',
      allowed: triage,
      make: async () => ({
        method: 'POST',
        path: `/api/staff/requests/${await request()}/duplicate`,
        body: { of: await request() },
      }),
    },
    ...(['acknowledge', 'assign', 'status'] as const).map((kind): Case => ({
      name: `POST /api/staff/bulk ${kind}`,
      allowed: kind === 'status' ? all : triage,
      make: async () => ({
        method: 'POST',
        path: '/api/staff/bulk',
        allDone: true,
        body: {
          action: kind,
          items: [{ tracking: await request() }, { tracking: await request() }],
          ...(kind === 'assign' ? { user_id: officerId } : {}),
          ...(kind === 'status' ? { to: 'resolved' } : {}),
        },
      }),
    })),
    {
      name: 'POST /api/staff/intake',
      allowed: triage,
      make: () => ({
        method: 'POST',
        path: '/api/staff/intake',
        body: { id: uuidv7(), channel: 'phone', request: potholeFields() },
      }),
    },
    {
      name: 'GET /api/staff/templates',
      allowed: all,
      make: () => ({ method: 'GET', path: '/api/staff/templates' }),
    },
    {
      name: 'POST /api/staff/templates',
      allowed: keepers,
      make: () => ({ method: 'POST', path: '/api/staff/templates', body: templateBody }),
    },
    {
      name: 'PUT /api/staff/templates/:id',
      allowed: keepers,
      make: async () => ({
        method: 'PUT',
        path: `/api/staff/templates/${await template()}`,
        body: templateBody,
      }),
    },
    {
      name: 'DELETE /api/staff/templates/:id',
      allowed: keepers,
      make: async () => ({ method: 'DELETE', path: `/api/staff/templates/${await template()}` }),
    },
    {
      name: 'GET /api/staff/users',
      allowed: triage,
      make: () => ({ method: 'GET', path: '/api/staff/users' }),
    },
    {
      name: 'POST /api/staff/users',
      allowed: ['admin'],
      make: () => ({
        method: 'POST',
        path: '/api/staff/users',
        body: { email: `new${++userCount}@city.example`, role: 'agent', password: 'long enough password' },
      }),
    },
    {
      name: 'GET /api/staff/notifications',
      allowed: ['admin'],
      make: () => ({ method: 'GET', path: '/api/staff/notifications' }),
    },
    {
      name: 'GET /api/staff/access-log',
      allowed: adminOnly,
      make: () => ({ method: 'GET', path: '/api/staff/access-log' }),
    },
    {
      name: 'GET /api/staff/kiosks',
      allowed: adminOnly,
      make: () => ({ method: 'GET', path: '/api/staff/kiosks' }),
    },
    {
      name: 'POST /api/staff/kiosks',
      allowed: adminOnly,
      make: () => ({ method: 'POST', path: '/api/staff/kiosks', body: kioskBody }),
    },
    {
      name: 'PUT /api/staff/kiosks/:id',
      allowed: adminOnly,
      make: async () => ({ method: 'PUT', path: `/api/staff/kiosks/${await kiosk()}`, body: kioskBody }),
    },
    ...(['link', 'revoke'] as const).map((what): Case => ({
      name: `POST /api/staff/kiosks/:id/${what}`,
      allowed: adminOnly,
      make: async () => ({ method: 'POST', path: `/api/staff/kiosks/${await kiosk()}/${what}`, body: {} }),
    })),
    {
      name: 'GET /api/staff/stats',
      allowed: keepers,
      make: () => ({ method: 'GET', path: '/api/staff/stats' }),
    },
  ];

  beforeAll(async () => {
    s = await TestServer.start(target);
    admin = await s.staffSession('admin');
    sessions.set('anonymous', undefined);
    for (const role of ['agent', 'officer', 'manager', 'admin'] as const) {
      const session = role === 'admin' ? admin : await s.staffSession(role);
      sessions.set(role, session.cookie);
      if (role === 'officer') officerId = session.user.id;
    }
  });
  afterAll(() => s.close());

  it('lets only the allowed roles use each staff route', async () => {
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const c of cases)
      for (const who of WHO) {
        const call = await c.make();
        const res = await s.request(
          call.method,
          call.path,
          call.body === undefined ? undefined : JSON.stringify(call.body),
          { cookie: sessions.get(who), headers: { 'Content-Type': 'application/json' } },
        );
        let ok = res.status >= 200 && res.status < 300;
        if (ok && call.allDone) {
          // Bulk refuses request by request: a refused role gets 200 with nothing done.
          const body = (await res.json()) as { done: number; results: unknown[] };
          ok = body.done === body.results.length;
        } else if (!ok) {
          // Refusals are always "sign in", "not for you" or "not yours to see", never a fault.
          expect([401, 403, 404], `${c.name} as ${who}`).toContain(res.status);
        }
        outcome.push(`${c.name} as ${who}: ${ok ? 'allowed' : 'refused'}`);
        expected.push(
          `${c.name} as ${who}: ${who !== 'anonymous' && c.allowed.includes(who) ? 'allowed' : 'refused'}`,
        );
      }
    expect(outcome).toEqual(expected);
    // Every route by every role, one after another: several hundred requests, with rooms still being added.
  }, 120_000);
});
