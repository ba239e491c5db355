// media_url fetching: a tiny PNG and a non-image from a local server, the
// loopback refusal that protects the server's own network, size and scheme
// checks, and redirects that are checked hop by hop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMedia } from '../../server/open311/media';
import { isPublicAddress } from '../../server/open311/address-guard';
import { TINY_PNG } from './helpers/events';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/pixel.png') {
      // A lying Content-Type must not matter: the bytes decide.
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(TINY_PNG);
    } else if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not a photo</html>');
    } else if (req.url === '/big.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.concat([TINY_PNG, Buffer.alloc(2048)]));
    } else if (req.url === '/hop') {
      res.writeHead(302, { location: '/pixel.png' }).end();
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const testOnly = { allowPrivateAddresses: true } as const;

describe('media_url', () => {
  it('fetches an image and takes its type from the bytes', async () => {
    const m = await fetchMedia(`${origin}/pixel.png`, testOnly);
    expect(m.photo).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      type: 'image/png',
      size: TINY_PNG.length,
    });
    expect(m.bytes.equals(TINY_PNG)).toBe(true);
  });

  it('follows a redirect, and gives up on a loop', async () => {
    expect((await fetchMedia(`${origin}/hop`, testOnly)).photo.type).toBe('image/png');
    await expect(fetchMedia(`${origin}/loop`, testOnly)).rejects.toThrow('redirects too many times');
  });

  it('refuses a non-image, a missing file and a file over the size cap', async () => {
    await expect(fetchMedia(`${origin}/page.html`, testOnly)).rejects.toThrow('not a JPEG, PNG or WebP');
    await expect(fetchMedia(`${origin}/gone.png`, testOnly)).rejects.toThrow('HTTP 404');
    await expect(fetchMedia(`${origin}/big.png`, { ...testOnly, maxBytes: 1024 })).rejects.toThrow(
      'larger than 1024',
    );
  });

  it('never reaches loopback or private addresses without the test-only option', async () => {
    await expect(fetchMedia(`${origin}/pixel.png`)).rejects.toThrow('private or local address');
    const port = new URL(origin).port;
    await expect(fetchMedia(`http://localhost:${port}/pixel.png`)).rejects.toThrow(
      'private or local address',
    );
    await expect(fetchMedia('http://[::1]/x.png')).rejects.toThrow('private or local address');
    await expect(fetchMedia('http://169.254.169.254/latest/meta-data')).rejects.toThrow(
      'private or local address',
    );
  });

  it('re-checks every redirect hop', async () => {
    const redirector = createServer((_req, res) =>
      res.writeHead(302, { location: `${origin}/pixel.png` }).end(),
    );
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/`;
      await expect(fetchMedia(url)).rejects.toThrow('private or local address');
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });

  it('takes only http and https', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.org/a.png',
      'data:image/png;base64,AAAA',
      'not a url',
    ])
      await expect(fetchMedia(url, testOnly)).rejects.toThrow(/media_url/);
    await expect(fetchMedia('http://user:pw@example.org/a.png')).rejects.toThrow('credentials');
  });
});

describe('address guard', () => {
  it('lets only public unicast addresses through', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) expect(isPublicAddress(a)).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });
});
