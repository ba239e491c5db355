// The Open311 GET methods over HTTP, in JSON and XML: discovery, services, a
// service definition, requests with their filters, one request, tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfLocalDayIso } from '../../src/core/service-level';
import { databases } from './helpers/databases';
import { createEvent, noteEvent, statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';
import {
  JURISDICTION,
  ZONE,
  errorsOf,
  json,
  newApiKey,
  postForm,
  streetlightForm,
  xml,
} from './open311-helpers';
import { child, children, textOf } from './open311-xml';

type Rec = Record<string, unknown>;

describe.each(databases)('Open311 reads on $name', (target) => {
  let s: TestServer;
  let key: string;
  let api: { id: string; token: string };
  let web: { id: string; due: string };
  beforeAll(async () => {
    s = await TestServer.start(target);
    key = await newApiKey(s.db, 'read-tests');
    const [created] = await json<Rec[]>(await postForm(s, '/open311/v2/requests.json', streetlightForm(key)));
    const id = String(created?.['service_request_id']);
    // A token a client was given before answers carried the id alone: the id of the creating call.
    const [row] = await s.db.query<{ source_event_id: string }>(
      'SELECT source_event_id FROM requests WHERE tracking = $1',
      [id],
    );
    api = { id, token: String(row?.source_event_id) };
    const receipt = await s.submit(createEvent());
    web = { id: receipt.tracking, due: receipt.due };
    const agent = (await s.staffSession('agent')).cookie;
    await s.sync(
      [
        statusEvent(web.id, 'acknowledged', 'Thank you, we are on it'),
        noteEvent(web.id, 'Internal: ask the roads team'),
        statusEvent(web.id, 'resolved', 'Filled on Tuesday'),
      ],
      { cookie: agent },
    );
  });
  afterAll(() => s.close());

  it('lists requests of the default window with datetimes in the local zone', async () => {
    const list = await json(await s.get('/open311/v2/requests.json'));
    const mine = list.find((r) => r['service_request_id'] === web.id);
    expect(mine).toMatchObject({
      status: 'closed',
      status_notes: 'Filled on Tuesday',
      service_code: 'pothole',
      service_name: 'Pothole',
      agency_responsible: 'Riverside City Council',
      expected_datetime: endOfLocalDayIso(web.due, ZONE),
      requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/) as string,
    });
    expect(list.map((r) => r['service_request_id'])).toContain(api.id);
  });

  it('shows the description and place of a street problem to anyone, of a personal service only with a key', async () => {
    const open = await json(await s.get(`/open311/v2/requests/${api.id}.json`));
    expect(open[0]).toMatchObject({
      description: 'Three lamps dark on Ring Road',
      lat: 7.3964,
      long: 3.9167,
      media_url: null,
    });
    const assistance = await s.submit(
      createEvent({
        request: {
          service_code: 'social-assistance',
          attributes: { support: ['rent'], situation: 'Lost my job in March' },
          description: 'Behind on rent for two months',
          location: { address_string: '12 Palm Close' },
        },
      }),
    );
    const hidden = await json(await s.get(`/open311/v2/requests/${assistance.tracking}.json`));
    expect(hidden[0]).toMatchObject({ description: null, lat: null, long: null, address: null });
    const keyed = await json(await s.get(`/open311/v2/requests/${assistance.tracking}.json?api_key=${key}`));
    expect(keyed[0]).toMatchObject({
      description: 'Behind on rent for two months',
      address: '12 Palm Close',
    });
    const everything = JSON.stringify([
      ...open,
      ...keyed,
      ...(await json(await s.get(`/open311/v2/requests.json?api_key=${key}&extensions=true`))),
    ]);
    expect(everything).not.toMatch(/ada@example|Obi|\+234/);
    expect(await errorsOf(await s.get(`/open311/v2/requests.json?api_key=cdk_wrong`), 403)).toEqual([
      'api_key is not valid',
    ]);
  });

  it('filters by status, service code and dates; service_request_id overrides them', async () => {
    const ids = async (query: string) =>
      (await json(await s.get(`/open311/v2/requests.json?${query}`))).map((r) => r['service_request_id']);
    expect(await ids('status=open')).not.toContain(web.id);
    expect(await ids(`jurisdiction_id=${JURISDICTION}&status=closed`)).toContain(web.id);
    expect(await ids('status=open,closed')).toEqual(expect.arrayContaining([web.id, api.id]));
    expect(await ids('service_code=streetlight-out')).toEqual(expect.arrayContaining([api.id]));
    expect(await ids('service_code=streetlight-out')).not.toContain(web.id);
    expect(await ids('start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).toEqual([]);
    expect(
      await ids(
        `service_request_id=${web.id},${api.id.toLowerCase()}&status=open&start_date=2020-01-01T00:00:00Z`,
      ),
    ).toEqual(expect.arrayContaining([web.id, api.id]));
  });

  it('refuses bad filters with 400', async () => {
    const bad = async (query: string) =>
      (await errorsOf(await s.get(`/open311/v2/requests.json?${query}`), 400))[0];
    expect(await bad('start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z')).toMatch(
      /more than 90 days/,
    );
    expect(await bad('start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z')).toMatch(
      /before start_date/,
    );
    expect(await bad('start_date=last-week')).toMatch(/^start_date must be a W3C datetime/);
    expect(await bad('status=pending')).toMatch(/^status must be open, closed/);
    expect(await bad('page=0')).toBe('page must be a whole number from 1 to 1000000');
    expect(await bad('page_size=1001')).toBe('page_size must be a whole number from 1 to 1000');
    expect(await bad('page_size=1e3')).toBe('page_size must be a whole number from 1 to 1000');
    expect(await bad('pages=2')).toBe('pages is not a parameter of this method');
    expect(await bad('jurisdiction_id=other.example')).toMatch(/is not served here/);
  });

  it('pages through a window in a stable order, newest first', async () => {
    for (let i = 0; i < 4; i++) await postForm(s, '/open311/v2/requests.json', streetlightForm(key));
    const ids = async (query: string) =>
      (await json(await s.get(`/open311/v2/requests.json?${query}`))).map((r) => r['service_request_id']);
    const all = await ids('');
    expect(all.length).toBeGreaterThanOrEqual(6);
    const pages = [
      await ids('page_size=2'),
      await ids('page=2&page_size=2'),
      await ids('page=3&page_size=2'),
    ];
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat()).toEqual(all.slice(0, 6));
    expect(await ids('page=999&page_size=2')).toEqual([]);
  });

  it('adds the public status history as notes with extensions=true', async () => {
    const [r] = await json(await s.get(`/open311/v2/requests/${web.id}.json?extensions=true`));
    expect(r?.['extended_attributes']).toEqual({ channel: 'web', detailed_status: 'resolved' });
    const notes = r?.['notes'] as Rec[];
    expect(notes.map((n) => [n['type'], n['status'], n['description']])).toEqual([
      ['opened', 'submitted', null],
      ['activity', 'acknowledged', 'Thank you, we are on it'],
      ['activity', 'resolved', 'Filled on Tuesday'],
    ]);
    const x = await xml(await s.get(`/open311/v2/requests/${web.id}.xml?extensions=true`));
    expect(children(child(child(x, 'request'), 'notes'), 'note')).toHaveLength(3);
    expect(JSON.stringify(r)).not.toContain('Internal');
  });

  it('reads one request in XML and answers 404 for an unknown one', async () => {
    const x = await xml(await s.get(`/open311/v2/requests/${api.id}.xml`));
    const request = child(x, 'request');
    expect(textOf(request, 'service_request_id')).toBe(api.id);
    expect(textOf(request, 'status')).toBe('open');
    expect(textOf(request, 'expected_datetime')).toMatch(/T23:59:59\+01:00$/);
    expect(await errorsOf(await s.get('/open311/v2/requests/CD-22222222.json'), 404)).toHaveLength(1);
  });

  it('turns a token into the service_request_id', async () => {
    expect(await json(await s.get(`/open311/v2/tokens/${api.token}.json`))).toEqual([
      { service_request_id: api.id, token: api.token },
    ]);
    const x = await xml(await s.get(`/open311/v2/tokens/${api.token}.xml`));
    expect(textOf(child(x, 'request'), 'service_request_id')).toBe(api.id);
    expect((await s.get('/open311/v2/tokens/0190a5e0-0000-7000-8000-000000000000.json')).status).toBe(404);
    expect((await s.get('/open311/v2/tokens/nonsense.xml')).status).toBe(404);
  });

  it('serves the updates extension in JSON too, public messages only', async () => {
    const list = await json(
      await s.get(`/open311/v2/servicerequestupdates.json?service_request_id=${web.id}`),
    );
    expect(list.map((u) => [u['status'], u['description']])).toEqual([
      ['investigating', 'Thank you, we are on it'],
      ['fixed', 'Filled on Tuesday'],
    ]);
    expect(Object.keys(list[0] ?? {})).toEqual([
      'update_id',
      'service_request_id',
      'status',
      'updated_datetime',
      'description',
      'media_url',
    ]);
  });

  it('answers 404 for unknown resources and formats in the spec error list', async () => {
    expect(await errorsOf(await s.get('/open311/v2/nothing.json'), 404)).toEqual([
      'no such Open311 resource: /nothing',
    ]);
    const csv = await s.get('/open311/v2/requests.csv');
    expect(csv.status).toBe(404);
    expect(textOf(child(await xml(csv), 'error'), 'code')).toBe('404');
  });
});
