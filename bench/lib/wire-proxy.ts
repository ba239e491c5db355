/**
 * A byte-counting HTTP proxy between the browser and the server, the way the
 * issue measured a first visit: every response passes through unchanged
 * (still compressed, 304s and all), and each is recorded with the bytes the
 * server sent for it (status line, headers, body as encoded on the wire).
 * The browser's HTTP cache and service worker sit before the proxy, so what
 * they answer themselves costs nothing here, as on a real network.
 *
 * Chunked framing (a few bytes per chunk) is not counted; Node re-frames the
 * body on the way out. Request bytes are recorded too, apart from responses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireEntry {
  readonly method: string;
  /** Path and query, as the browser asked. */
  readonly url: string;
  status: number;
  encoding: string;
  /** Response: status line + headers + encoded body. */
  received: number;
  /** Request: request line + headers + body. */
  sent: number;
  done: boolean;
}

export interface WireProxy {
  /** Origin the browser should open, e.g. http://localhost:41234. */
  readonly url: string;
  readonly entries: WireEntry[];
  /** Requests that have not finished yet. */
  inFlight(): number;
  /** Starts a new count (keeps the proxy running). */
  reset(): void;
  close(): Promise<void>;
}

function headerBytes(firstLine: string, raw: readonly string[]): number {
  let n = firstLine.length + 2 + 2;
  for (let i = 0; i + 1 < raw.length; i += 2) n += (raw[i]?.length ?? 0) + 2 + (raw[i + 1]?.length ?? 0) + 2;
  return n;
}

/** Proxies to `target` (an origin such as http://127.0.0.1:8080). */
export async function startWireProxy(target: string): Promise<WireProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  let entries: WireEntry[] = [];
  let open = 0;

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const sent = headerBytes(`${method} ${url} HTTP/1.1`, req.rawHeaders);
    const entry: WireEntry = { method, url, status: 0, encoding: '', received: 0, sent, done: false };
    req.on('data', (chunk: Buffer) => (entry.sent += chunk.length));
    entries.push(entry);
    open++;
    const finish = () => {
      if (entry.done) return;
      entry.done = true;
      open--;
    };
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method, path: url, headers: req.headers, agent },
      (up) => {
        entry.status = up.statusCode ?? 0;
        entry.encoding = String(up.headers['content-encoding'] ?? '');
        entry.received = headerBytes(`HTTP/1.1 ${entry.status} ${up.statusMessage ?? ''}`, up.rawHeaders);
        up.on('data', (chunk: Buffer) => (entry.received += chunk.length));
        up.on('end', finish);
        up.on('error', finish);
        res.writeHead(entry.status, up.statusMessage, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => {
      finish();
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', finish);
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    get entries() {
      return entries;
    },
    inFlight: () => open,
    reset: () => {
      entries = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sum of the bytes received from the server. */
export function receivedBytes(entries: readonly WireEntry[]): number {
  return entries.reduce((n, e) => n + e.received, 0);
}

export function sentBytes(entries: readonly WireEntry[]): number {
  return entries.reduce((n, e) => n + e.sent, 0);
}
