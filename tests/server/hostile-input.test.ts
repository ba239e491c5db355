// Generated hostile input over every route (fast-check): text with NUL
// characters and lone surrogates, which PostgreSQL cannot store, in every
// field a person or a client can fill. Whatever comes, the server answers
// 4xx, never 5xx; in /api/sync every event gets a result, and the good
// events of a batch are applied whatever their neighbours hold.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStorableText } from '../../src/core/text';
import type { Role } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { createEvent, noteEvent, statusEvent, visitEvent } from './helpers/events';
import { TestServer } from './helpers/server';
import { newApiKey, postForm, streetlightForm } from './open311-helpers';

/** Text with at least one character PostgreSQL refuses, somewhere inside ordinary text. */
const unstorable = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\udbff\u0000', 'x\ud83d', '\udc00y'),
    fc.string({ maxLength: 12 }),
  )
  .map(([a, bad, b]) => a + bad + b);
/** Odd but storable text: Unicode of every plane, control characters, things that look like escapes. */
const odd = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('\\u0000', '%00', '\u202e', '\uffff', '😀', "'; DROP TABLE requests; --"),
);
const hostile = fc.oneof(unstorable, odd);

/** Where a create_request event can carry text, and how to put it there. */
const CREATE_SPOTS = {
  description: (e: Ev, v: string) => (e.request.description = v),
  address: (e: Ev, v: string) => (e.request.location.address_string = v),
  contactName: (e: Ev, v: string) => {
    if (e.request.contact) e.request.contact.name = v;
  },
  attributeValue: (e: Ev, v: string) => (e.request.attributes['size'] = v),
  attributeKey: (e: Ev, v: string) => (e.request.attributes[v] = 'large'),
  serviceCode: (e: Ev, v: string) => (e.request.service_code = v),
};
type Ev = ReturnType<typeof createEvent>;
const spot = fc.constantFrom(...(Object.keys(CREATE_SPOTS) as (keyof typeof CREATE_SPOTS)[]));

describe.each(databases)('hostile input on $name', (target) => {
  let s: TestServer;
  let key: string;
  const cookies: Partial<Record<Role, string>> = {};
  let tracking = '';
  beforeAll(async () => {
    // Hundreds of anonymous submissions from one address: the limit has its own test (submit-limit).
    s = await TestServer.start(target, { submitLimit: null });
    key = await newApiKey(s.db, 'hostile-tests');
    for (const role of ['agent', 'manager', 'admin'] as const)
      cookies[role] = (await s.staffSession(role)).cookie;
    tracking = (await s.submit()).tracking;
  });
  afterAll(() => s.close());

  it('gives every sync event a result and applies the good ones whatever the bad ones hold', async () => {
    const plan = fc.array(fc.option(fc.tuple(spot, hostile), { nil: undefined, freq: 2 }), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(plan, async (items) => {
        const events = items.map((item) => {
          const e = createEvent();
          if (item) CREATE_SPOTS[item[0]](e, item[1]);
          return e;
        });
        const res = await s.post('/api/sync', { events });
        expect(res.status).toBe(200);
        const { results } = (await res.json()) as {
          results: { id: string; outcome: string; reason?: string }[];
        };
        expect(results.map((r) => r.id)).toEqual(events.map((e) => e.id));
        items.forEach((item, i) => {
          const r = results[i];
          if (!item) expect(r).toMatchObject({ outcome: 'accepted' });
          else if (!isStorableText(item[1]))
            expect(r).toMatchObject({ outcome: 'rejected', reason: 'unsupported_text' });
          else expect(r?.outcome === 'accepted' || typeof r?.reason === 'string').toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('does the same for staff events: status messages, notes and visit places', async () => {
    const kinds = fc.constantFrom('status', 'note', 'visit');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(kinds, fc.option(hostile)), { minLength: 1, maxLength: 6 }),
        async (items) => {
          // A request of its own for each event, so every good status change is a valid transition.
          const own = await s.sync(items.map(() => createEvent()));
          const events = items.map(([kind, text], i) => {
            const v = text ?? 'Checked on site';
            const made = own[i];
            const t = made?.outcome === 'accepted' && made.receipt ? made.receipt.tracking : tracking;
            if (kind === 'status') return statusEvent(t, 'in_progress', v);
            if (kind === 'note') return noteEvent(t, `Note ${v}`);
            const e = visitEvent(t);
            return { ...e, visit: { ...e.visit, place: `Road ${v}`, notes: v } };
          });
          const res = await s.post('/api/sync', { events }, { cookie: cookies.manager });
          expect(res.status).toBe(200);
          const { results } = (await res.json()) as {
            results: { id: string; outcome: string; reason?: string }[];
          };
          expect(results.map((r) => r.id)).toEqual(events.map((e) => e.id));
          items.forEach(([, text], i) => {
            if (text !== null && !isStorableText(text))
              expect(results[i]).toMatchObject({ outcome: 'rejected', reason: 'unsupported_text' });
            else if (text === null) expect(results[i]).toMatchObject({ outcome: 'accepted' });
          });
        },
      ),
      { numRuns: 15 },
    );
  });

  /** Every JSON route with a text field, and a body that puts the value there. */
  const jsonRoutes: [string, (v: string) => unknown, Role | undefined][] = [
    ['/api/auth/login', (v) => ({ email: `ada${v}@example.org`, password: v || 'x' }), undefined],
    [
      '/api/staff/users',
      (v) => ({ email: 'new@city.example', name: v || 'x', role: 'agent', password: 'x'.repeat(12) }),
      'admin',
    ],
    ['/api/staff/requests/{t}/acknowledge', (v) => ({ message: v }), 'agent'],
    ['/api/staff/requests/{t}/status', (v) => ({ to: 'in_progress', message: v }), 'agent'],
    ['/api/staff/requests/{t}/notes', (v) => ({ text: v || 'x', public: false }), 'agent'],
    ['/api/staff/requests/{t}/duplicate', (v) => ({ of: v, message: v }), 'agent'],
    [
      '/api/staff/kiosks',
      (v) => ({
        name: v,
        settings: { idle_warning_s: 60, idle_reset_s: 90, default_language: v, services: [v] },
      }),
      'admin',
    ],
    ['/api/requests/{t}/forget-contact', (v) => ({ token: v }), undefined],
    ['/api/sync/changes', (v) => ({ since: v, tokens: [v] }), undefined],
    ['/api/sync', (v) => ({ events: [{ id: v }], [v]: 1 }), undefined],
  ];

  it('answers hostile JSON bodies on every route with 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonRoutes), hostile, async ([path, body, role], v) => {
        const cookie = role ? cookies[role] : undefined;
        const res = await s.post(path.replace('{t}', tracking), body(v), { cookie });
        expect(res.status, `${path} ${JSON.stringify(v)}`).toBeLessThan(500);
        if (!isStorableText(v)) expect(res.status).toBe(400);
      }),
      { numRuns: 60 },
    );
  });

  it('answers hostile query strings and form bodies with 4xx, never 5xx', async () => {
    // A URL cannot carry a lone surrogate, so queries get the NUL and the odd text.
    const queryValue = fc.oneof(
      odd,
      fc.string({ maxLength: 10 }).map((a) => `${a}\u0000`),
    );
    const queries = [
      '/api/staff/requests?service={v}',
      '/api/staff/requests?group={v}&page={v}',
      '/api/sync/changes?since={v}',
      '/api/requests/{t}?token={v}',
      '/open311/v2/requests.json?service_code={v}&status={v}',
      '/open311/v2/requests.json?page={v}&page_size={v}',
      '/open311/v2/servicerequestupdates.xml?service_request_id={v}',
      '/open311/v2/tokens/{v}.xml',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queries), queryValue, async (q, v) => {
        const url = q.replaceAll('{v}', encodeURIComponent(v)).replace('{t}', tracking);
        const res = await s.get(url, { cookie: cookies.agent });
        expect(res.status, `${url}`).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    const fields = fc.constantFrom(
      'description',
      'address_string',
      'first_name',
      'attribute[problem]',
      'media_url',
    );
    await fc.assert(
      fc.asyncProperty(fields, queryValue, async (field, v) => {
        const form = [...streetlightForm(key).filter(([k]) => k !== field), [field, v] as const];
        const res = await postForm(s, '/open311/v2/requests.json', form);
        expect(res.status, `${field} ${JSON.stringify(v)}`).toBeLessThan(500);
        if (v.includes('\u0000')) expect(res.status).toBe(400);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a changes cursor beyond 64 bits with 400, by GET and by POST', async () => {
    for (const since of ['18446744073709551616', '99999999999999999999']) {
      const get = await s.get(`/api/sync/changes?since=${since}`);
      expect(get.status).toBe(400);
      expect(await get.json()).toMatchObject({ error: 'invalid_query', fields: ['since'] });
      const post = await s.post('/api/sync/changes', { since, tokens: [] });
      expect(post.status).toBe(400);
    }
    expect((await s.get('/api/sync/changes?since=18446744073709551615')).status).toBe(200);
  });
});
