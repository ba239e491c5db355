/**
 * Open311 GeoReport v2, mounted at /open311 so that both /open311/v2/… and
 * the glued /open311/v2requests.xml reach it (see path.ts). One catch-all
 * route parses the path itself and answers every error in the spec's error
 * list, in the format the path asked for.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from '../../src/core/request';
import { recordSubmissions, submitLimitOf, submitWait } from '../auth/submit-limit';
import { clientIp } from '../http/client';
import type { Call, Open311Deps } from './call';
import { Open311Error, badRequest } from './errors';
import { guessFormat, parseTarget, type Format, type Target } from './path';
import { postRequest } from './post-handler';
import * as read from './read-handlers';
import { renderError, type Body } from './respond';

export type { Open311Deps } from './call';

/** Room for a 4,000-character description and long text answers, percent-encoded. */
export const MAX_OPEN311_BODY = 256 * 1024;
/** A multipart body may carry the request's photos as well (a part over 5 MB is left out, not refused). */
export const MAX_OPEN311_MULTIPART = MAX_OPEN311_BODY + MAX_PHOTOS * (MAX_PHOTO_BYTES + 64 * 1024);

function methodNotAllowed(allowed: string): Open311Error {
  return new Open311Error(405, `this resource answers ${allowed} only`);
}

/** A new request, limited per client address like the app's (auth/submit-limit.ts); counted once made. */
async function limitedPost(call: Call, c: Context): Promise<Body> {
  const { db, now, trustProxy } = call.deps;
  const ip = clientIp(c, trustProxy);
  const limit = submitLimitOf(call.deps.submitLimit);
  const wait = await submitWait(db, ip, now(), limit);
  if (wait > 0)
    throw new Open311Error(429, `too many requests from this address; try again in ${wait} seconds`, wait);
  const body = await postRequest(call, c.req.raw);
  await recordSubmissions(db, ip, now(), 1, limit);
  return body;
}

function dispatch(call: Call, target: Target, c: Context): Promise<Body> {
  const r = target.resource;
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  if (r.kind === 'requests') {
    if (method === 'POST') return limitedPost(call, c);
    if (method !== 'GET') throw methodNotAllowed('GET and POST');
    return read.requests(call);
  }
  if (method !== 'GET') throw methodNotAllowed('GET');
  switch (r.kind) {
    case 'discovery':
      return read.discovery(call);
    case 'services':
      return read.services(call);
    case 'service':
      return read.serviceDefinitionOf(call, r.code);
    case 'request':
      return read.oneRequest(call, r.id);
    case 'token':
      return read.token(call, r.token);
    case 'updates':
      return read.updates(call);
  }
}

function origin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
  const host = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim();
  return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host ?? url.host}`;
}

function send(c: Context, body: Body, allow?: string, retryAfter?: number): Response {
  const headers: Record<string, string> = { 'Content-Type': body.contentType, 'Cache-Control': 'no-store' };
  if (allow) headers['Allow'] = allow;
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  return c.body(body.text, body.status as 200, headers);
}

export function open311Routes(deps: Open311Deps): Hono {
  const app = new Hono();
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        send(c, renderError(guessFormat(c.req.path), badRequest('the request body is too large'))),
    });
  const small = limitOf(MAX_OPEN311_BODY);
  const multipart = limitOf(MAX_OPEN311_MULTIPART);
  const limit: MiddlewareHandler = (c, next) =>
    /^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')
      ? multipart(c, next)
      : small(c, next);
  app.all('*', limit, async (c) => {
    let format: Format = guessFormat(c.req.path);
    try {
      const target = parseTarget(c.req.path);
      format = target.format;
      const call: Call = { deps, format, query: c.req.queries(), origin: origin(c, deps.trustProxy) };
      return send(c, await dispatch(call, target, c));
    } catch (err) {
      if (!(err instanceof Open311Error)) throw err;
      const allow =
        err.status === 405 ? (/requests(\.\w+)?$/.test(c.req.path) ? 'GET, POST' : 'GET') : undefined;
      return send(c, renderError(format, err), allow, err.retryAfter);
    }
  });
  return app;
}
