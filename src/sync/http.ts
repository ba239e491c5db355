/**
 * The flush's HTTP calls (POST /api/sync, PUT /api/attachments, GET
 * /api/sync/changes), each answering a plain outcome instead of throwing, with
 * every response body validated by the shared schemas before it is believed
 * (leniently: a field a newer server added is ignored, see lenient.ts).
 */
import type { z } from 'zod/mini';
import { syncResponseSchema, type EventResult, type SyncEvent } from '../core/events';
import { isRetryableStatus, parseRetryAfter } from './backoff';
import { apiUrl, type FlushDeps } from './flush-deps';
import { lenient } from './lenient';
import type { SyncErrorCode } from './messages';

export type { SyncErrorCode } from './messages';

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: SyncErrorCode;
      /** false: this exact call will not work by retrying soon (4xx); the caller decides. */
      readonly transient: boolean;
      readonly status?: number;
      readonly retryAfterMs?: number;
    };

const syncAnswerSchema = lenient(syncResponseSchema);

async function call(deps: FlushDeps, path: string, init: RequestInit): Promise<Response | Outcome<never>> {
  try {
    return await deps.fetch(apiUrl(deps, path), { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    // fetch rejects only when no answer came: no network, DNS, reset, offline.
    return { ok: false, error: 'offline', transient: true };
  }
}

function failed(res: Response, deps: FlushDeps): Outcome<never> {
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), deps.now());
  const error: SyncErrorCode = res.status === 429 ? 'rate_limited' : res.status >= 500 ? 'server' : 'refused';
  return {
    ok: false,
    error,
    transient: isRetryableStatus(res.status),
    status: res.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

async function readJson<T>(res: Response, schema: z.ZodMiniType<T>): Promise<Outcome<T>> {
  try {
    const parsed = schema.safeParse(await res.json());
    if (parsed.success) return { ok: true, value: parsed.data };
  } catch {
    // Not JSON: a captive portal's login page, a proxy's error page.
  }
  return { ok: false, error: 'bad_response', transient: true, status: res.status };
}

export async function postEvents(
  deps: FlushDeps,
  events: readonly SyncEvent[],
): Promise<Outcome<EventResult[]>> {
  const res = await call(deps, '/api/sync', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (!(res instanceof Response)) return res;
  if (!res.ok) return failed(res, deps);
  const body = await readJson(res, syncAnswerSchema);
  return body.ok ? { ok: true, value: body.value.results } : body;
}

export async function putPhoto(
  deps: FlushDeps,
  eventId: string,
  sha256: string,
  blob: Blob,
): Promise<Outcome<null>> {
  const res = await call(deps, `/api/attachments/${encodeURIComponent(eventId)}/${sha256}`, {
    method: 'PUT',
    headers: { 'Content-Type': blob.type || 'application/octet-stream' },
    body: blob,
  });
  if (!(res instanceof Response)) return res;
  // The body is not needed; reading it frees the connection.
  await res.arrayBuffer().catch(() => undefined);
  return res.ok ? { ok: true, value: null } : failed(res, deps);
}

export async function getJson<T>(
  deps: FlushDeps,
  path: string,
  headers: Record<string, string>,
  schema: z.ZodMiniType<T>,
): Promise<Outcome<T>> {
  const res = await call(deps, path, { method: 'GET', headers: { Accept: 'application/json', ...headers } });
  if (!(res instanceof Response)) return res;
  return res.ok ? readJson(res, schema) : failed(res, deps);
}
