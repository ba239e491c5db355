/**
 * What the server's answers cost on the wire. Text answers over 1 KB go out
 * gzip or deflate by the request's Accept-Encoding (hono/compress, on the
 * platform's CompressionStream); files compressed at build time already
 * carry Content-Encoding and are left alone. A 304 carries only what RFC 9110
 * §15.4.5 asks of it: the browser keeps the headers it stored with the full
 * answer (security headers included), and repeating them on every
 * revalidation would cost about 1 KB each time the app opens for nothing.
 * Likewise the app's hashed scripts and styles go without the headers that
 * only a document reads (they cannot become one: nosniff stays): 0.6 KB on
 * each of some 25 files on a first visit.
 */
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';
import { RETAINED_304_HEADERS } from 'hono/etag';

/**
 * Read only by a document (or a worker, whose script is sw.js, never under
 * /assets/). HSTS is taken from the page itself. Kept on scripts and
 * styles: X-Content-Type-Options, so a script is only ever run as one.
 * Left off them too: Cross-Origin-Resource-Policy, which guards answers that
 * hold a person's data from other sites' pages (these are the app's public
 * code), and Referrer-Policy, which a module script passes to its imports —
 * all of them this same origin's own chunks. Together 0.1 KB on each of the
 * first visit's two dozen files (the 150 KB budget, tests/e2e/budget.spec.ts).
 */
const DOCUMENT_ONLY = [
  'cross-origin-resource-policy',
  'referrer-policy',
  'strict-transport-security',
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
const SUBRESOURCE = /^(text\/javascript|text\/css)\b/;

/** Register first (outermost), so it sees the headers every later middleware added. */
export const leanHeaders = (): MiddlewareHandler => async (c, next) => {
  await next();
  const headers = c.res.headers;
  if (c.res.status === 304) {
    for (const name of [...headers.keys()]) if (!RETAINED_304_HEADERS.includes(name)) headers.delete(name);
  } else if (c.req.path.startsWith('/assets/') && SUBRESOURCE.test(headers.get('Content-Type') ?? '')) {
    for (const name of DOCUMENT_ONLY) headers.delete(name);
  }
};

export const compressResponses = (): MiddlewareHandler => compress();

/**
 * Gives text answers built in memory (c.json, c.text, c.body) their
 * Content-Length, so compress() can leave those under its 1 KB threshold
 * alone: gzip would make a 20-byte answer bigger. Register after
 * compressResponses (inside it). Files and streams already have one or are
 * not text.
 */
export const measureTextAnswers = (): MiddlewareHandler => async (c, next) => {
  await next();
  const res = c.res;
  if (!res.body || c.req.method === 'HEAD' || res.status === 206) return;
  if (res.headers.has('Content-Length') || res.headers.has('Content-Encoding')) return;
  if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '')) return;
  const bytes = await res.arrayBuffer();
  c.res = new Response(bytes, res);
  c.res.headers.set('Content-Length', String(bytes.byteLength));
};
