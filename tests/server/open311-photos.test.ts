// FixMyStreet's photos, both ways its Open311 client sends them (perllib/Open311.pm):
// media_url links to its own photo server, fetched here in the background and
// retried while the host is down, and, with upload_files on, multipart/form-data
// with file parts photo1, photo2 …. A photo never costs the report: each is
// filed at once, listed and followed like any other. Every call goes over
// real HTTP to the server as npm start runs it (http/listen.ts); loopback
// photo hosts are allowed only through a test-only Open311 app
// (media.allowPrivateAddresses).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../server/http/listen';
import { runMediaJobsOnce } from '../../server/media-jobs/worker';
import { open311Routes } from '../../server/open311/routes';
import { databases } from './helpers/databases';
import { PHOTOS, sha256, statusEvent, TINY_PNG } from './helpers/events';
import { TestServer } from './helpers/server';
import { JURISDICTION, newApiKey, xml, type Entries } from './open311-helpers';
import { child, children, textOf, type XmlNode } from './open311-xml';

const ENDPOINT = '/open311/v2';
const MINUTE = 60_000;

interface Detail {
  photos: { sha256: string; type: string; uploaded: boolean }[];
  media_links: { url: string; state: string; attempts: number; last_error: string | null }[];
}

describe.each(databases)('FixMyStreet photos on $name', (target) => {
  let s: TestServer;
  let key: string;
  let agent = '';
  let photoHost: Server;
  let photoOrigin = '';
  let photoUp = false;
  let hits = 0;
  let deadUrl = '';
  let servers: ReturnType<typeof listen>[] = [];
  /** The whole app, and the test-only Open311 app that may fetch from loopback. */
  let appUrl = '';
  let open311Url = '';
  const media = { allowPrivateAddresses: true };

  const serve = async (fetch: (r: Request) => Response | Promise<Response>): Promise<string> => {
    const server = listen(fetch, 0);
    servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    s = await TestServer.start(target);
    key = await newApiKey(s.db, 'fixmystreet');
    agent = (await s.staffSession('agent')).cookie;
    appUrl = await serve(s.app.fetch);
    open311Url = await serve(open311Routes({ ...s.deps, media }).fetch);
    photoHost = createServer((_req, res) => {
      hits++;
      if (photoUp) res.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
      else res.writeHead(503).end('down for maintenance');
    });
    await new Promise<void>((resolve) => photoHost.listen(0, '127.0.0.1', resolve));
    photoOrigin = `http://127.0.0.1:${(photoHost.address() as AddressInfo).port}`;
    // A port that nothing listens on: connections are refused for good.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    deadUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/photo/1.full.jpeg`;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
  });
  afterAll(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    servers = [];
    await new Promise<void>((resolve) => photoHost.close(() => resolve()));
    await s.close();
  });

  const report: Entries = [
    ['jurisdiction_id', JURISDICTION],
    ['api_key', ''],
    ['service_code', 'pothole'],
    ['lat', '7.39640'],
    ['long', '3.91670'],
    ['description', 'title: Hole by the school\n\ndetail: Deep and wide\n\nSubmitted via FixMyStreet'],
    ['first_name', 'Ada'],
    ['last_name', 'Obi'],
    ['email', 'ada@example.org'],
    ['attribute[size]', 'large'],
    ['attribute[location]', 'road'],
  ];
  const withKey = (extra: Entries = []): Entries => [
    ...report.map(([k, v]): [string, string] => [k, k === 'api_key' ? key : v]),
    ...extra,
  ];

  /** POST requests.xml form-encoded, as Open311.pm's _post does without upload_files. */
  const postUrlencoded = async (entries: Entries): Promise<XmlNode> => {
    const res = await fetch(`${open311Url}${ENDPOINT}requests.xml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(entries.map(([k, v]) => [k, v])).toString(),
    });
    expect(res.status).toBe(200);
    return child(await xml(res), 'request');
  };

  /** POST requests.xml as form-data with file parts, as Open311.pm does with upload_files on. */
  const postMultipart = async (entries: Entries, files: [string, Uint8Array, string][]) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    for (const [name, bytes, type] of files)
      form.append(name, new Blob([new Uint8Array(bytes)], { type }), `${name}.jpeg`);
    const res = await fetch(`${open311Url}${ENDPOINT}requests.xml`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    return child(await xml(res), 'request');
  };

  const detail = async (tracking: string): Promise<Detail> => {
    const res = await fetch(`${appUrl}/api/staff/requests/${tracking}`, { headers: { Cookie: agent } });
    expect(res.status).toBe(200);
    return (await res.json()) as Detail;
  };

  const runJobsAt = (at: Date) => runMediaJobsOnce({ ...s.deps, now: () => at, media });

  it('files a report at once while its photo host refuses, and attaches the photo after a retry', async () => {
    photoUp = false;
    const before = hits;
    const url = `${photoOrigin}/photo/17.full.jpeg`;
    const request = await postUrlencoded(withKey([['media_url', url]]));
    const id = textOf(request, 'service_request_id');
    expect(id).toMatch(/^CD-/);
    expect(request.children.map((c) => c.name)).not.toContain('token');
    expect(hits).toBe(before); // accepted without waiting for the photo host

    const t0 = new Date();
    expect(await runJobsAt(t0)).toEqual({ attached: 0, retrying: 1, failed: 0 });
    expect(hits).toBe(before + 1);
    expect((await detail(id)).media_links).toMatchObject([
      { url, state: 'pending', attempts: 1, last_error: 'media_url answered HTTP 503' },
    ]);
    // Not due again until its back-off has passed.
    expect(await runJobsAt(new Date(t0.getTime() + 30_000))).toEqual({ attached: 0, retrying: 0, failed: 0 });

    photoUp = true;
    expect(await runJobsAt(new Date(t0.getTime() + 2 * MINUTE))).toEqual({
      attached: 1,
      retrying: 0,
      failed: 0,
    });
    const after = await detail(id);
    expect(after.photos).toEqual([
      expect.objectContaining({ sha256: sha256(TINY_PNG), type: 'image/png', uploaded: true }),
    ]);
    expect(after.media_links).toMatchObject([{ url, state: 'attached', last_error: null }]);
    const photo = await fetch(`${appUrl}/api/attachments/${sha256(TINY_PNG)}`, {
      headers: { Cookie: agent },
    });
    expect(Buffer.from(await photo.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it('keeps a report whose photo link never answers, and tells staff the photo could not be fetched', async () => {
    const request = await postUrlencoded(withKey([['media_url', deadUrl]]));
    const id = textOf(request, 'service_request_id');
    const t0 = new Date();
    await runJobsAt(t0);
    expect((await detail(id)).media_links).toMatchObject([{ url: deadUrl, state: 'pending', attempts: 1 }]);
    // A day later it is given up: the link stays, marked failed, and the report is untouched.
    expect(await runJobsAt(new Date(t0.getTime() + 25 * 60 * MINUTE))).toMatchObject({ failed: 1 });
    const after = await detail(id);
    expect(after.media_links).toEqual([
      {
        url: deadUrl,
        state: 'failed',
        attempts: 2,
        last_error: 'media_url could not be fetched',
        next_try_at: null,
        sha256: null,
      },
    ]);
    expect(after.photos).toEqual([]);
    const listed = await xml(
      await fetch(
        `${appUrl}${ENDPOINT}requests.xml?jurisdiction_id=${JURISDICTION}&service_request_id=${id}`,
      ),
    );
    expect(textOf(child(listed, 'request'), 'status')).toBe('open');
  });

  it('takes photos uploaded as photo1, photo2 … beside a media_url, leaving out what is not a photo', async () => {
    photoUp = true;
    const request = await postMultipart(withKey([['media_url', `${photoOrigin}/photo/18.full.jpeg`]]), [
      ['photo1', PHOTOS.jpeg, 'image/jpeg'],
      ['photo2', Buffer.from('<html>a login page</html>'), 'image/jpeg'],
    ]);
    const id = textOf(request, 'service_request_id');
    expect(textOf(request, 'service_notice')).toMatch(
      /working days\)\. photo2 was not attached: it is not a JPEG, PNG or WebP image\.$/,
    );
    const first = await detail(id);
    expect(first.photos).toEqual([
      expect.objectContaining({ sha256: sha256(PHOTOS.jpeg), type: 'image/jpeg', uploaded: true }),
    ]);
    expect(first.media_links).toMatchObject([{ state: 'pending', attempts: 0 }]);
    await runJobsAt(new Date());
    expect((await detail(id)).photos.map((p) => p.type).sort()).toEqual(['image/jpeg', 'image/png']);
  });

  it('takes a multipart report without photos, and lists and follows it', async () => {
    const request = await postMultipart(withKey(), []);
    const id = textOf(request, 'service_request_id');
    const start = new Date(Date.now() - MINUTE).toISOString().replace(/\.\d+Z$/, 'Z');
    await s.sync([statusEvent(id, 'in_progress', 'Crew on the way')], { cookie: agent });
    const end = new Date(Date.now() + MINUTE).toISOString().replace(/\.\d+Z$/, 'Z');

    // Open311.pm get_service_requests: a comma list of ids, no key; a pothole's text is public.
    const listed = await xml(
      await fetch(
        `${appUrl}${ENDPOINT}requests.xml?jurisdiction_id=${JURISDICTION}&service_request_id=${id}`,
      ),
    );
    const row = child(listed, 'request');
    expect(textOf(row, 'description')).toContain('Hole by the school');
    expect(textOf(row, 'lat')).toBe('7.3964');
    expect(JSON.stringify(listed)).not.toMatch(/ada@example|Obi/);
    // get_service_request_updates: the window, then its own requests' updates.
    const updates = await xml(
      await fetch(
        `${appUrl}${ENDPOINT}servicerequestupdates.xml?jurisdiction_id=${JURISDICTION}&api_key=${key}&start_date=${start}&end_date=${end}`,
      ),
    );
    const mine = children(updates, 'request_update').filter((u) => textOf(u, 'service_request_id') === id);
    expect(mine.map((u) => [textOf(u, 'status'), textOf(u, 'description')])).toEqual([
      ['in_progress', 'Crew on the way'],
    ]);
  });
});
