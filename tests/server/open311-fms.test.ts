// A FixMyStreet-style client: XML only, paths glued onto the endpoint,
// jurisdiction_id everywhere, blank attributes as empty strings, repeated
// multi-value attributes, status read back through servicerequestupdates.
// Then media_url, fetched from a local server through a test-only app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311Routes } from '../../server/open311/routes';
import { databases } from './helpers/databases';
import { statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';
import {
  JURISDICTION,
  errorsOf,
  newApiKey,
  postForm,
  streetlightForm,
  xml,
  type Entries,
} from './open311-helpers';
import { child, children, textOf } from './open311-xml';

/** The smallest valid PNG: one transparent pixel. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const ENDPOINT = '/open311/v2'; // configured without a trailing slash, as FixMyStreet glues paths on

describe.each(databases)('Open311 as FixMyStreet uses it, on $name', (target) => {
  let s: TestServer;
  let key: string;
  let photos: Server;
  let photoOrigin = '';
  beforeAll(async () => {
    s = await TestServer.start(target);
    key = await newApiKey(s.db, 'fixmystreet');
    photos = createServer((req, res) => {
      if (req.url === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
      else res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>a login page</html>');
    });
    await new Promise<void>((resolve) => photos.listen(0, '127.0.0.1', resolve));
    photoOrigin = `http://127.0.0.1:${(photos.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => photos.close(() => resolve()));
    await s.close();
  });

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
    const agent = (await s.staffSession('agent')).cookie;
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

  it('fetches a media_url photo, checking size and type (test-only loopback)', async () => {
    const testApp = open311Routes({ ...s.deps, media: { allowPrivateAddresses: true } });
    const post = (entries: Entries) =>
      testApp.request('/open311/v2/requests.json', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(entries.map(([k, v]) => [k, v])).toString(),
      });
    const ok = await post(streetlightForm(key, [['media_url', `${photoOrigin}/photo.png`]]));
    expect(ok.status).toBe(200);
    const [receipt] = (await ok.json()) as { service_request_id: string }[];
    const [row] = await s.db.query<{ media_url: string; type: string; sha256: string }>(
      `SELECT r.media_url, p.type, p.sha256 FROM requests r JOIN request_photos p ON p.request_id = r.id
       WHERE r.tracking = $1`,
      [receipt?.service_request_id],
    );
    expect(row).toMatchObject({ media_url: `${photoOrigin}/photo.png`, type: 'image/png' });
    expect(await s.deps.files.has(row?.sha256 ?? '')).toBe(true);
    const keyed = await testApp.request(
      `/open311/v2/requests/${receipt?.service_request_id}.json?api_key=${key}`,
    );
    expect(((await keyed.json()) as { media_url: string }[])[0]?.media_url).toBe(`${photoOrigin}/photo.png`);

    const before = await s.db.query('SELECT 1 FROM requests');
    expect(
      await errorsOf(await post(streetlightForm(key, [['media_url', `${photoOrigin}/login`]])), 400),
    ).toEqual(['media_url is not a JPEG, PNG or WebP image']);
    expect(await s.db.query('SELECT 1 FROM requests')).toHaveLength(before.length);
  });

  it('never fetches from loopback or with another scheme through the real app', async () => {
    for (const [url, message] of [
      [`${photoOrigin}/photo.png`, 'media_url points to a private or local address'],
      ['file:///etc/passwd', 'media_url must be http or https'],
    ]) {
      const res = await postForm(
        s,
        '/open311/v2/requests.json',
        streetlightForm(key, [['media_url', url ?? '']]),
      );
      expect(await errorsOf(res, 400)).toEqual([message]);
    }
  });
});
