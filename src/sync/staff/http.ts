/**
 * The desk's calls to the staff API: same-origin JSON with the session
 * cookie, every answer checked by a schema before it is believed, and every
 * failure a plain outcome (a code the page words) instead of a throw. The
 * desk keeps nothing on the device: each page asks the server.
 */
import type { z } from 'zod/mini';

export type Problem =
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'rate_limited'
  | 'offline'
  | 'server';

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly problem: Problem;
      /** The server's reason code, e.g. 'invalid_credentials', 'invalid_transition'. */
      readonly reason?: string;
      /** Field paths the server named. */
      readonly fields?: readonly string[];
      /** Seconds to wait (429). */
      readonly retryAfter?: number;
      /** The body of a refusal, for callers that read more from it (intake's errors). */
      readonly body?: unknown;
    };

function problemOf(status: number): Problem {
  if (status === 401) return 'not_signed_in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

async function bodyOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

function refusal(res: Response, body: unknown): Result<never> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const fields = Array.isArray(b['fields']) ? b['fields'].filter((f) => typeof f === 'string') : undefined;
  const retry = Number(res.headers.get('Retry-After'));
  return {
    ok: false,
    problem: problemOf(res.status),
    ...(typeof b['error'] === 'string' ? { reason: b['error'] } : {}),
    ...(fields ? { fields } : {}),
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
    body,
  };
}

export async function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  schema: z.ZodMiniType<T>,
  body?: unknown,
): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      // JSON on every state-changing call, DELETE included: the server's CSRF guard asks for it.
      headers: {
        Accept: 'application/json',
        ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, problem: 'offline' };
  }
  const parsed = await bodyOf(res);
  if (!res.ok) return refusal(res, parsed);
  const checked = schema.safeParse(parsed);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, problem: 'server' };
}

/** A query string from the values that are set. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
