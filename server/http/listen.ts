/**
 * The HTTP server around the Hono app (@hono/node-server), with the answers
 * Node would otherwise leave out: Node hands a CONNECT request to a
 * 'connect' listener instead of the app and, when there is none, drops the
 * connection without a word; here it gets 405 like any other method we do
 * not take. Malformed requests (a broken chunked body, an unknown method)
 * keep Node's own 400 answer.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

type Fetch = (request: Request) => Response | Promise<Response>;

const CONNECT_ANSWER = [
  'HTTP/1.1 405 Method Not Allowed',
  'Allow: GET, HEAD, POST, PUT',
  'Content-Type: application/json; charset=utf-8',
  'Content-Length: 32',
  'Connection: close',
  '',
  '{"error":"method_not_allowed"}\r\n',
].join('\r\n');

function refuseConnect(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  socket.end(CONNECT_ANSWER);
}

export function listen(fetch: Fetch, port: number, onListening?: (info: AddressInfo) => void): ServerType {
  const server = serve({ fetch, port }, onListening);
  server.on('connect', (_req: unknown, socket: Duplex) => refuseConnect(socket));
  return server;
}
