// The real HTTP server (server/http/listen.ts) with raw sockets: what Node
// itself would drop or mislabel. CONNECT gets 405 instead of a closed
// connection; a broken chunked upload gets 400 and is not logged as a fault.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listen } from '../../server/http/listen';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

/** Writes `text` to a fresh connection and returns everything the server sent before closing. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe.each(databases)('the HTTP server on $name', (target) => {
  let s: TestServer;
  let server: ReturnType<typeof listen>;
  let port = 0;
  beforeAll(async () => {
    s = await TestServer.start(target);
    server = listen(s.app.fetch, 0);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await s.close();
  });

  it('answers CONNECT with 405, to any path', async () => {
    for (const target of ['example.org:443', '/api/sync', '/open311/v2/requests.xml']) {
      const answer = await exchange(port, `CONNECT ${target} HTTP/1.1\r\nHost: example.org\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      expect(answer).toContain('\r\nAllow: ');
      expect(answer.endsWith('{"error":"method_not_allowed"}\r\n')).toBe(true);
    }
  });

  it('answers a malformed chunked body with 400 and does not log it as a server fault', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await exchange(
        port,
        'POST /api/sync HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Transfer-Encoding: chunked\r\n\r\n5\r\n{"eve\r\nZZ\r\nnot a chunk\r\n\r\n',
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      // The handler's failed read settles after the socket closes: wait for the app to be idle.
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('still serves ordinary requests on the same server', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/open311/v2/services.json`);
    expect(res.status).toBe(200);
  });
});
