/**
 * A release that lands while the app is open, without rebuilding: a small
 * pass-through proxy in front of the real server that, once asked, serves
 * /sw.js as the built worker plus a trailing comment — a byte-different
 * script, which is all the browser needs to see a new version.
 *
 * Each release() makes another new version.
 *
 * Why a proxy and not `context.route('**\/sw.js')`: Playwright does not see
 * the browser's update check of a registered worker's script (its own test
 * "should intercept service worker update requests" is a fixme,
 * microsoft/playwright#14711), so a route never changes what the update
 * check reads. Everything else goes through to the real server untouched,
 * with the proxy's Host kept so the server's same-origin check still holds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export class NextVersionServer {
  /** How many versions were released after the build (0: /sw.js is the build's). */
  private releases = 0;
  /** How many times the browser fetched a released version. */
  servedNext = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly upstream: URL,
    /** The app's address through the proxy (its own origin: its own worker and storage). */
    readonly url: string,
  ) {}

  static async start(upstream: string): Promise<NextVersionServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const proxy = new NextVersionServer(server, new URL(upstream), `http://localhost:${port}`);
    server.on('request', (req, res) => proxy.forward(req, res));
    return proxy;
  }

  /** Starts serving a new version of the worker, different from every one before. */
  release(): void {
    this.releases++;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const rewrite = this.releases > 0 && req.method === 'GET' && req.url?.split('?')[0] === '/sw.js';
    const headers = { ...req.headers };
    // The script is changed as text, so ask for it uncompressed.
    if (rewrite) headers['accept-encoding'] = 'identity';
    const upstream = http.request(
      {
        hostname: this.upstream.hostname,
        port: this.upstream.port,
        path: req.url,
        method: req.method,
        headers,
      },
      (answer) => {
        if (!rewrite || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const comment = `\n// e2e: release ${this.releases} after the build\n`;
          const body = Buffer.concat([...chunks, Buffer.from(comment)]);
          const out = { ...answer.headers };
          delete out['content-encoding'];
          delete out.etag;
          delete out['last-modified'];
          res.writeHead(200, { ...out, 'content-length': String(body.length) });
          res.end(body);
          this.servedNext++;
        });
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }
}
