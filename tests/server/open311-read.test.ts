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
    api = { id: String(created?.['service_request_id']), token: String(created?.['token']) };
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

  it('shows what a person wrote only to a client with a key, and contact details never', async () => {
    const open = await json(await s.get(`/open311/v2/requests/${api.id}.json`));
    expect(open[0]).toMatchObject({ description: null, lat: null, long: null, address: null });
    const keyed = await json(await s.get(`/open311/v2/requests/${api.id}.json?api_key=${key}`));
    expect(keyed[0]).toMatchObject({
      description: 'Three lamps dark on Ring Road',
      lat: 7.3964,
      long: 3.9167,
    });
    expect(JSON.stringify(keyed)).not.toMatch(/ada@example|Obi/);
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
    expect(await bad('page=2')).toBe('page is not a parameter of this method');
    expect(await bad('jurisdiction_id=other.example')).toMatch(/is not served here/);
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
