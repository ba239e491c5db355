// Odd input of every kind gets a 4xx in the Open311 error format, never a 5xx:
// NUL bytes (which PostgreSQL text cannot hold), broken percent-encoding,
// dates at the edges of the calendar, and the key checked before the body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';
import { errorsOf, newApiKey, postForm, streetlightForm, without } from './open311-helpers';

describe.each(databases)('Open311 with odd input on $name', (target) => {
  let s: TestServer;
  let key: string;
  beforeAll(async () => {
    s = await TestServer.start(target);
    key = await newApiKey(s.db, 'robust-tests');
  });
  afterAll(() => s.close());

  it('answers odd GETs with 400 or 404', async () => {
    const cases: [string, number][] = [
      ['/open311/v2/services/%00.json', 404],
      ['/open311/v2/services/a%2Fb.json', 404],
      ['/open311/v2/requests/%00.json', 404],
      ['/open311/v2/requests/%E0%A4%A.json', 404],
      ['/open311/v2/tokens/%00.json', 404],
      ['/open311/v2/requests.json?service_code=%00', 400],
      ['/open311/v2/requests.json?service_request_id=CD-1%00', 400],
      ['/open311/v2/requests.json?%00=1', 400],
      ['/open311/v2/requests.json?service_code=%E0%A4%A', 200],
      ['/open311/v2/requests.json?status=%E0%A4%A', 400],
      ['/open311/v2/requests.json?start_date=9999-12-31T23:59:59Z', 200],
      ['/open311/v2/requests.json?end_date=0000-01-01T00:00:00Z', 200],
      ['/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B01:00&end_date=2026-01-02T00:00:00Z', 200],
      [`/open311/v2/requests.json?service_request_id=${'CD-1,'.repeat(300)}`, 400],
      ['/open311/v2/servicerequestupdates.json?start_date=9999-12-31T23:59:59Z', 200],
    ];
    for (const [path, status] of cases) {
      const res = await s.get(path);
      expect(res.status, path).toBe(status);
      const body: unknown = await res.json();
      if (status !== 200)
        expect(body, path).toEqual([{ code: status, description: expect.any(String) as string }]);
    }
  });

  it('refuses NUL anywhere in a POST body with 400', async () => {
    for (const extra of [
      [['description', 'dark\0lamp']],
      [['attribute[problem\0]', 'dark']],
      [['service_code', 'streetlight-out\0']],
    ] as [string, string][][]) {
      const base = without(streetlightForm(key), ...extra.map(([k]) => k.replace('\0', '')));
      const errors = await errorsOf(await postForm(s, '/open311/v2/requests.json', [...base, ...extra]), 400);
      expect(errors[0]).toMatch(/contains a NUL character/);
    }
  });

  it('says nothing about the body before the key is good', async () => {
    const res = await postForm(s, '/open311/v2/requests.json', [
      ['colour', 'red'],
      ['api_key', 'cdk_wrong'],
    ]);
    expect(await errorsOf(res, 403)).toEqual(['api_key is not valid']);
  });
});
