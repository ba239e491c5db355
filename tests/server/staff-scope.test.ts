/**
 * Who sees what (auth/scope): an agent or manager with groups sees, counts
 * and acts on only the requests of those groups' services; an unknown and an
 * out-of-scope request look alike (404); officers see their assignments;
 * admins and staff with no group see everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setGroups } from '../../server/auth/groups';
import type { Role } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { attachmentEvent, createEvent, PHOTOS, TINY_PNG } from './helpers/events';
import { TestServer } from './helpers/server';

const drain = { service_code: 'blocked-drain', attributes: { problem: 'blocked', homes: 'no' } };

describe.each(databases)('staff scope on $name', (target) => {
  let s: TestServer;
  let admin: string;
  let pothole = ''; // streets
  let blocked = ''; // water
  const photo = { pothole: '', blocked: '' };
  const people = new Map<string, { cookie: string; id: string }>();

  /** A staff member of `role` who works for `groups` (none: every group). */
  const member = async (role: Role, groups: string[]) => {
    const { user, cookie } = await s.staffSession(role);
    await setGroups(s.db, user.id, groups);
    return { cookie, id: user.id };
  };

  beforeAll(async () => {
    s = await TestServer.start(target);
    admin = (await s.staffSession('admin')).cookie;
    const withPhoto = async (create: ReturnType<typeof createEvent>, bytes: Uint8Array) => {
      const tracking = (await s.submit(create)).tracking;
      const added = attachmentEvent(create.id, bytes, 'image/png');
      const put = await s.request(
        'PUT',
        `/api/attachments/${create.id}/${added.photo.sha256}`,
        Buffer.from(bytes),
      );
      expect(put.status).toBeLessThan(300);
      expect((await s.sync([added]))[0]?.outcome).toBe('accepted');
      return { tracking, sha256: added.photo.sha256 };
    };
    const p = await withPhoto(createEvent(), TINY_PNG);
    const b = await withPhoto(createEvent({ request: drain }), PHOTOS.png);
    [pothole, blocked, photo.pothole, photo.blocked] = [p.tracking, b.tracking, p.sha256, b.sha256];
    people.set('agent of streets', await member('agent', ['streets']));
    people.set('agent of water', await member('agent', ['water']));
    people.set('agent of every group', await member('agent', []));
    people.set('manager of water', await member('manager', ['water']));
    people.set('manager of streets and water', await member('manager', ['streets', 'water']));
    people.set('admin listed for water', await member('admin', ['water']));
    people.set('officer', await member('officer', ['streets']));
    const officer = people.get('officer')?.id;
    await s.post(`/api/staff/requests/${blocked}/assign`, { user_id: officer }, { cookie: admin });
  });
  afterAll(() => s.close());

  const cookieOf = (who: string): string => people.get(who)?.cookie ?? '';
  const tracked = async (who: string): Promise<string[]> => {
    const res = await s.get('/api/staff/requests?per_page=100', { cookie: cookieOf(who) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { tracking: string }[] }).items.map((i) => i.tracking).sort();
  };

  const matrix: [string, { pothole: boolean; blocked: boolean }][] = [
    ['agent of streets', { pothole: true, blocked: false }],
    ['agent of water', { pothole: false, blocked: true }],
    ['agent of every group', { pothole: true, blocked: true }],
    ['manager of water', { pothole: false, blocked: true }],
    ['manager of streets and water', { pothole: true, blocked: true }],
    ['admin listed for water', { pothole: true, blocked: true }],
    ['officer', { pothole: false, blocked: true }], // assigned the water request; groups do not matter
  ];

  it.each(matrix)('%s: sees the photos of the requests in scope only', async (who, sees) => {
    for (const [sha256, visible] of [
      [photo.pothole, sees.pothole],
      [photo.blocked, sees.blocked],
    ] as const) {
      const res = await s.get(`/api/attachments/${sha256}`, { cookie: cookieOf(who) });
      expect(res.status).toBe(visible ? 200 : 404);
      if (visible) expect(res.headers.get('Content-Type')).toBe('image/png');
    }
  });

  it.each(matrix)('%s: list, counts and detail show only what is in scope', async (who, sees) => {
    const expected = [...(sees.pothole ? [pothole] : []), ...(sees.blocked ? [blocked] : [])].sort();
    expect(await tracked(who)).toEqual(expected);
    const counts = await s.get('/api/staff/requests/counts', { cookie: cookieOf(who) });
    const c = (await counts.json()) as { new: number; unassigned: number };
    // The pothole is new and unassigned; the water request was assigned (still 'submitted').
    expect(c.unassigned).toBe(sees.pothole ? 1 : 0);
    expect(c.new).toBe(expected.length);
    for (const [tracking, visible] of [
      [pothole, sees.pothole],
      [blocked, sees.blocked],
    ] as const) {
      const res = await s.get(`/api/staff/requests/${tracking}`, { cookie: cookieOf(who) });
      expect(res.status).toBe(visible ? 200 : 404);
      if (!visible) expect(await res.json()).toEqual({ error: 'not_found' });
    }
  });

  it('an out-of-scope request answers exactly like an unknown one', async () => {
    const out = await s.get(`/api/staff/requests/${pothole}`, { cookie: cookieOf('agent of water') });
    const unknown = await s.get('/api/staff/requests/ZZZZ-ZZZZ', { cookie: cookieOf('agent of water') });
    expect([out.status, await out.text()]).toEqual([unknown.status, await unknown.text()]);
  });

  it('actions and bulk actions on another group are refused and change nothing', async () => {
    const water = cookieOf('agent of water');
    for (const [path, body] of [
      ['acknowledge', { message: 'Seen' }],
      ['notes', { text: 'Not mine' }],
      ['status', { to: 'rejected', message: 'No' }],
      ['assign', { user_id: null }],
      ['duplicate', { of: blocked }],
    ] as const) {
      const res = await s.post(`/api/staff/requests/${pothole}/${path}`, body, { cookie: water });
      expect(res.status, path).toBe(404);
    }
    // Marking one's own request a duplicate of another group's is refused too: that request is unknown to them.
    const dup = await s.post(`/api/staff/requests/${blocked}/duplicate`, { of: pothole }, { cookie: water });
    expect(dup.status).toBe(404);
    const bulk = await s.post(
      '/api/staff/bulk',
      { action: 'acknowledge', items: [{ tracking: pothole }, { tracking: blocked }] },
      { cookie: water },
    );
    expect(await bulk.json()).toEqual({
      results: [
        { tracking: pothole, ok: false, error: 'not_found' },
        { tracking: blocked, ok: true },
      ],
      done: 1,
    });
    const seen = (await (await s.get(`/api/staff/requests/${pothole}`, { cookie: admin })).json()) as {
      status: string;
      events: { kind: string }[];
    };
    expect(seen.status).toBe('submitted');
    expect(seen.events.map((e) => e.kind)).toEqual(['created', 'attachment']); // as filed: its photo, no action
  });

  it('the agent of the right group may act', async () => {
    const res = await s.post(
      `/api/staff/requests/${pothole}/notes`,
      { text: 'Mine' },
      { cookie: cookieOf('agent of streets') },
    );
    expect(res.status).toBe(200);
  });
});
