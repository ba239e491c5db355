/**
 * A local HTTP server standing in for the edge of the world: the council's
 * SMS gateway (POST /sms) and a browser push service (POST /push/{id}). It
 * keeps every call and answers with the status the test queued (201 once
 * the queue is empty).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EdgeCall {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface EdgeServer {
  readonly origin: string;
  readonly calls: EdgeCall[];
  callsTo(prefix: string): EdgeCall[];
  /** The next answers for calls under this prefix, in order. */
  answerNext(prefix: string, ...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startEdgeServer(): Promise<EdgeServer> {
  const calls: EdgeCall[] = [];
  const queued = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      calls.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const prefix = [...queued.keys()].find((p) => path.startsWith(p));
      const status = (prefix ? queued.get(prefix)?.shift() : undefined) ?? 201;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? '' : 'fake failure');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (prefix) => calls.filter((c) => c.path.startsWith(prefix)),
    answerNext(prefix, ...statuses) {
      queued.set(prefix, [...(queued.get(prefix) ?? []), ...statuses]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
