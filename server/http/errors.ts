/**
 * Errors as JSON with a reason code. Bad input of any kind (malformed JSON,
 * schema failures, oversize bodies) is a 4xx; only real faults become a 500,
 * and those are logged with their stack while the client learns nothing more.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { issueFields } from '../issues';

/** An HTTP error with a machine-readable reason and optional details. */
export function httpError(
  status: ContentfulStatusCode,
  error: string,
  details: Record<string, unknown> = {},
): HTTPException {
  const res = new Response(JSON.stringify({ error, ...details }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
  return new HTTPException(status, { res });
}

/**
 * The client's connection broke while we read its body (a malformed chunked
 * upload, a dropped line): Node has already answered 400 or the socket is
 * gone. A broken upload is the client's problem, not a server fault.
 */
function isClientAbort(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return (err.message === 'aborted' && code === 'ECONNRESET') || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

export function onError(err: Error, c: Context): Response {
  if (isClientAbort(err)) return c.json({ error: 'client_aborted' }, 400);
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    if (res.headers.get('Content-Type')?.includes('json')) return res;
    // hono's own exceptions (body limit) carry plain text: answer in JSON like everything else.
    const reason = err.status === 413 ? 'payload_too_large' : 'bad_request';
    return c.json({ error: reason }, err.status);
  }
  // $ZodError, not ZodError: the shared core schemas are zod/mini, whose errors are not classic ZodErrors.
  if (err instanceof z.core.$ZodError) return c.json({ error: 'invalid', fields: issueFields(err) }, 400);
  if (err instanceof SyntaxError) return c.json({ error: 'invalid_json' }, 400);
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return c.json({ error: 'internal' }, 500);
}
