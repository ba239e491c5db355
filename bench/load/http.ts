/**
 * The calls the load run makes, the way the app and the desk make them: JSON
 * bodies with the page's Origin (the server's CSRF guard checks it), the staff
 * session cookie, the device's access tokens in X-Civic-Tokens for the changes
 * pull. Each answers its status and parsed body, and never throws on a non-2xx.
 */
import type { EventResult, SyncEvent } from '../../src/core/events';
import { TOKENS_HEADER } from '../../src/core/sync-changes';

export interface Answer<T> {
  readonly status: number;
  readonly value: T;
}

async function call<T>(url: string, init: RequestInit): Promise<Answer<T | undefined>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let value: T | undefined;
  try {
    value = text ? (JSON.parse(text) as T) : undefined;
  } catch {
    value = undefined;
  }
  return { status: res.status, value };
}

function post<T>(base: string, path: string, body: unknown, cookie?: string): Promise<Answer<T | undefined>> {
  return call<T>(`${base}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: base,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

export function postSync(base: string, events: readonly SyncEvent[]): Promise<Answer<EventResult[]>> {
  return post<{ results: EventResult[] }>(base, '/api/sync', { events }).then((a) => ({
    status: a.status,
    value: a.value?.results ?? [],
  }));
}

export function pullChanges(base: string, tokens: readonly string[]): Promise<Answer<unknown>> {
  return call(`${base}/api/sync/changes`, { headers: { [TOKENS_HEADER]: tokens.join(',') } });
}

export function get(base: string, path: string, cookie?: string): Promise<Answer<unknown>> {
  return call(`${base}${path}`, cookie ? { headers: { Cookie: cookie } } : {});
}

export function staffAction(
  base: string,
  cookie: string,
  tracking: string,
  action: 'acknowledge' | 'status',
  body: unknown,
): Promise<Answer<unknown>> {
  return post(base, `/api/staff/requests/${tracking}/${action}`, body, cookie);
}

/** Signs in and answers the session cookie (name=value). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}
