/**
 * Security headers for everything the server sends, with a strict Content
 * Security Policy for the app (no inline script or style, nothing from other
 * origins, no framing), and a guard on state-changing API calls: they must be
 * JSON (a cross-site form cannot send that) and, when the browser says where
 * they come from (Origin, Sec-Fetch-Site), come from this origin.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { httpError } from './errors';
import { isJson } from './input';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'no-referrer',
    // A route that sets its own, stricter header (photos: a sandbox) keeps it.
    overwrite: false,
    permissionsPolicy: { camera: ['self'], geolocation: ['self'], microphone: [], payment: [] },
  });

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths whose bodies are not JSON: photo bytes (a form cannot send PUT, so they need no such guard). */
const RAW_BODY = /^\/api\/attachments\//;

/** Host only: behind a TLS-terminating proxy the scheme the server sees differs from the browser's. */
function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // 'null' from sandboxed frames and anything unparsable
  }
}

export const csrfGuard = (): MiddlewareHandler => async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const origin = c.req.header('Origin');
    if (origin !== undefined && !sameHost(origin, c.req.header('Host') ?? new URL(c.req.url).host))
      throw httpError(403, 'cross_origin');
    // Fetch metadata: a browser that says another site (or a sibling subdomain) made the call is refused
    // even when it sent no Origin; 'same-origin' and 'none' (typed, bookmarked) pass, as do clients without it.
    const site = c.req.header('Sec-Fetch-Site');
    if (site === 'cross-site' || site === 'same-site') throw httpError(403, 'cross_origin');
    if (!RAW_BODY.test(c.req.path) && !isJson(c))
      throw httpError(415, 'unsupported_media_type', { expected: 'application/json' });
  }
  await next();
};
