// POST /open311/v2/requests: creating requests as an Open311 client, in JSON
// and XML, and every way the input can be wrong (never a 5xx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';
import {
  JURISDICTION,
  errorsOf,
  json,
  newApiKey,
  postForm,
  streetlightForm,
  without,
  xml,
  type Entries,
} from './open311-helpers';
import { child, textOf } from './open311-xml';

describe.each(databases)('Open311 POST requests on $name', (target) => {
  let s: TestServer;
  let key: string;
  beforeAll(async () => {
    s = await TestServer.start(target);
    key = await newApiKey(s.db, 'post-tests');
  });
  afterAll(() => s.close());

  const post = (entries: Entries, format = 'json') => postForm(s, `/open311/v2/requests.${format}`, entries);

  it('creates a request with channel api, a due date and the contact kept for staff', async () => {
    const res = await post(streetlightForm(key, [['jurisdiction_id', JURISDICTION]]));
    expect(res.status).toBe(200);
    const [receipt] = await json(res);
    // The spec: the id when the server has one, and then no token.
    expect(receipt).toEqual({
      service_request_id: expect.stringMatching(/^CD-[2-9A-HJKMNP-Z]{8}$/) as string,
      service_notice: expect.stringMatching(
        /^Expect action by \d{4}-\d{2}-\d{2} \(service level: 2 working days\)\.$/,
      ) as string,
      account_id: null,
    });
    const [row] = await s.db.query<Record<string, unknown>>(
      'SELECT channel, status, lat, attributes, contact_email, contact_name, contact_consent FROM requests WHERE tracking = $1',
      [receipt?.['service_request_id']],
    );
    expect(row).toEqual({
      channel: 'api',
      status: 'submitted',
      lat: 7.3964,
      attributes: { lamp_count: 3, problem: 'dark' },
      contact_email: 'ada@example.org',
      contact_name: 'Ada Obi',
      contact_consent: false,
    });
  });

  it('answers in XML as the spec lays out', async () => {
    const res = await post(streetlightForm(key), 'xml');
    expect(res.status).toBe(200);
    const doc = await xml(res);
    expect(doc.name).toBe('service_requests');
    const request = child(doc, 'request');
    expect(textOf(request, 'service_request_id')).toMatch(/^CD-/);
    expect(textOf(request, 'account_id')).toBe('');
  });

  it('accepts a multipart body too', async () => {
    const form = new FormData();
    for (const [k, v] of streetlightForm(key)) form.append(k, v);
    const res = await s.request('POST', '/open311/v2/requests.json', form);
    expect(res.status).toBe(200);
  });

  it('refuses a missing or wrong api_key with 403, in the asked-for format', async () => {
    expect(await errorsOf(await post(without(streetlightForm(key), 'api_key')), 403)).toEqual([
      'api_key is required to create a request',
    ]);
    expect(await errorsOf(await post(streetlightForm('cdk_wrong')), 403)).toEqual(['api_key is not valid']);
    const res = await post(streetlightForm(''), 'xml');
    expect(res.status).toBe(403);
    const error = child(await xml(res), 'error');
    expect(textOf(error, 'code')).toBe('403');
  });

  it('refuses another jurisdiction with 400', async () => {
    const errors = await errorsOf(
      await post(streetlightForm(key, [['jurisdiction_id', 'other.example']])),
      400,
    );
    expect(errors[0]).toMatch(/^jurisdiction_id other.example is not served here/);
  });

  it('names each problem with the input', async () => {
    const form = streetlightForm(key);
    const cases: [Entries, string[]][] = [
      [without(form, 'service_code'), ['service_code is required']],
      [
        [...without(form, 'service_code'), ['service_code', 'moon-landing']],
        ['service_code moon-landing is not a service offered here'],
      ],
      [
        without(form, 'lat', 'long'),
        ['location: a location is required: lat and long, address_string or address_id'],
      ],
      [[...without(form, 'lat'), ['lat', '95']], ['lat must be a decimal number between -90 and 90']],
      [[...without(form, 'long'), ['long', '3,9']], ['long must be a decimal number between -180 and 180']],
      [
        [...without(form, 'description'), ['description', 'x'.repeat(4001)]],
        ['description is longer than 4000 characters'],
      ],
      [without(form, 'attribute[problem]'), ['attribute[problem] is required']],
      [[...form, ['attribute[problem]', 'dark']], []],
      [[...form, ['colour', 'red']], ['colour is not a parameter of this method']],
      [[...without(form, 'email'), ['email', 'not-an-address']], ['email is not an e-mail address']],
    ];
    for (const [entries, expected] of cases) {
      const res = await post(entries);
      if (expected.length === 0) {
        // A repeated single-value answer keeps the first non-empty value.
        expect(res.status).toBe(200);
        continue;
      }
      expect(await errorsOf(res, 400)).toEqual(expected);
    }
  });

  it('takes an address instead of coordinates', async () => {
    const res = await post([
      ...without(streetlightForm(key), 'lat', 'long'),
      ['address_string', 'Ring Road by the mosque'],
    ]);
    expect(res.status).toBe(200);
  });

  it('refuses bodies that are not forms, or too large, with 400', async () => {
    const asJson = await s.request(
      'POST',
      '/open311/v2/requests.json',
      JSON.stringify({ service_code: 'x' }),
      {
        headers: { 'Content-Type': 'application/json' },
      },
    );
    expect((await errorsOf(asJson, 400))[0]).toMatch(/form-encoded/);
    const huge = await post(streetlightForm(key, [['attribute[witness]', 'y'.repeat(300 * 1024)]]));
    expect(await errorsOf(huge, 400)).toEqual(['the request body is too large']);
  });

  it('answers 405 to methods a resource does not take', async () => {
    const res = await s.request('DELETE', '/open311/v2/requests.json');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, POST');
    expect((await s.request('POST', '/open311/v2/services.json')).status).toBe(405);
  });
});
