// A FixMyStreet-style client: XML only, paths glued onto the endpoint,
// jurisdiction_id everywhere, blank attributes as empty strings, repeated
// multi-value attributes, status read back through servicerequestupdates.
// Photo links that cannot be fetched never cost the report (the photo
// cases themselves are in open311-photos.test.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMediaJobsOnce } from '../../server/media-jobs/worker';
import { databases } from './helpers/databases';
import { statusEvent, TINY_PNG } from './helpers/events';
import { TestServer } from './helpers/server';
import { JURISDICTION, newApiKey, postForm, xml, type Entries } from './open311-helpers';
import { child, children, textOf } from './open311-xml';

const ENDPOINT = '/open311/v2'; // configured without a trailing slash, as FixMyStreet glues paths on

describe.each(databases)('Open311 as FixMyStreet uses it, on $name', (target) => {
  let s: TestServer;
  let key: string;
  let photos: Server;
  let photoOrigin = '';
  let hits = 0;
  let agent = '';
  beforeAll(async () => {
    s = await TestServer.start(target);
    key = await newApiKey(s.db, 'fixmystreet');
    agent = (await s.staffSession('agent')).cookie;
    photos = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
    });
    await new Promise<void>((resolve) => photos.listen(0, '127.0.0.1', resolve));
    photoOrigin = `http://127.0.0.1:${(photos.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => photos.close(() => resolve()));
    await s.close();
  });

  const staffDetail = async (tracking: string) => {
    const res = await s.get(`/api/staff/requests/${tracking}`, { cookie: agent });
    expect(res.status).toBe(200);
    return (await res.json()) as { media_links: unknown[]; photos: unknown[] };
  };

  const report: Entries = [
    ['jurisdiction_id', JURISDICTION],
    ['service_code', 'illegal-dumping'],
    ['lat', '7.39640'],
    ['long', '3.91670'],
    ['description', 'title: Tyres by the river\n\ndetail: A heap of tyres\n\nSubmitted via FixMyStreet'],
    ['first_name', 'Ada'],
    ['last_name', 'Obi'],
    ['email', 'ada@example.org'],
    ['attribute[hazard]', ''],
    ['attribute[waste_kind]', 'household'],
    ['attribute[waste_kind]', 'tyres'],
    ['attribute[amount]', 'car'],
    ['attribute[witness]', ''],
  ];

  it('creates, lists and follows a report in XML', async () => {
    const created = await xml(await postForm(s, `${ENDPOINT}requests.xml`, [['api_key', key], ...report]));
    const id = textOf(child(created, 'request'), 'service_request_id');
    const [row] = await s.db.query<Record<string, unknown>>(
      'SELECT channel, attributes FROM requests WHERE tracking = $1',
      [id],
    );
    expect(row).toEqual({
      channel: 'api',
      attributes: { waste_kind: ['household', 'tyres'], amount: 'car' },
    });

    const listed = await xml(
      await s.get(`${ENDPOINT}requests.xml?jurisdiction_id=${JURISDICTION}&service_request_id=${id}`),
    );
    expect(listed.name).toBe('service_requests');
    expect(textOf(child(listed, 'request'), 'status')).toBe('open');

    const start = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await s.sync([statusEvent(id, 'acknowledged', 'Crew informed')], { cookie: agent });
    await s.sync([statusEvent(id, 'resolved', 'Tyres removed')], { cookie: agent });
    const end = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

    const query = `jurisdiction_id=${JURISDICTION}&api_key=${key}&start_date=${start}&end_date=${end}`;
    const updates = await xml(await s.get(`${ENDPOINT}servicerequestupdates.xml?${query}`));
    expect(updates.name).toBe('service_request_updates');
    const mine = children(updates, 'request_update').filter((u) => textOf(u, 'service_request_id') === id);
    expect(mine.map((u) => [textOf(u, 'status'), textOf(u, 'description'), textOf(u, 'media_url')])).toEqual([
      ['investigating', 'Crew informed', ''],
      ['fixed', 'Tyres removed', ''],
    ]);
    for (const u of mine) {
      expect(textOf(u, 'update_id')).toMatch(/^\d+$/);
      expect(textOf(u, 'updated_datetime')).toMatch(/\+01:00$/);
    }
    const closed = await xml(
      await s.get(`${ENDPOINT}requests.xml?jurisdiction_id=${JURISDICTION}&service_request_id=${id}`),
    );
    expect(textOf(child(closed, 'request'), 'status')).toBe('closed');
  });

  it('answers errors as <errors><error><code/><description/></error></errors>', async () => {
    const wrongKey = await postForm(s, `${ENDPOINT}requests.xml`, [['api_key', 'cdk_nope'], ...report]);
    expect(wrongKey.status).toBe(403);
    const e403 = child(await xml(wrongKey), 'error');
    expect([textOf(e403, 'code'), textOf(e403, 'description')]).toEqual(['403', 'api_key is not valid']);
    const blank = report.map(([k, v]): [string, string] => [k, k === 'attribute[amount]' ? '' : v]);
    const missing = await postForm(s, `${ENDPOINT}requests.xml`, [['api_key', key], ...blank]);
    expect(missing.status).toBe(400);
    expect(textOf(child(await xml(missing), 'error'), 'description')).toBe('attribute[amount] is required');
    const other = await s.get(`${ENDPOINT}servicerequestupdates.xml?jurisdiction_id=elsewhere.example`);
    expect(other.status).toBe(400);
    const wide = await s.get(
      `${ENDPOINT}servicerequestupdates.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`,
    );
    expect(textOf(child(await xml(wide), 'error'), 'code')).toBe('400');
  });

  it('keeps a report whose media_url points at loopback or another scheme, and never fetches it', async () => {
    const before = hits;
    for (const [url, message] of [
      [`${photoOrigin}/photo.png`, 'media_url points to a private or local address'],
      ['file:///etc/passwd', 'media_url must be http or https'],
    ] as const) {
      const res = await postForm(s, `${ENDPOINT}requests.xml`, [
        ['api_key', key],
        ...report,
        ['media_url', url],
      ]);
      expect(res.status).toBe(200);
      const request = child(await xml(res), 'request');
      expect(textOf(request, 'service_notice')).toContain(`${message}, so it will not be fetched.`);
      const detail = await staffDetail(textOf(request, 'service_request_id'));
      expect(detail.media_links).toEqual([
        { url, state: 'failed', attempts: 0, last_error: message, next_try_at: null, sha256: null },
      ]);
    }
    await runMediaJobsOnce({ ...s.deps, media: {} });
    expect(hits).toBe(before);
  });
});
