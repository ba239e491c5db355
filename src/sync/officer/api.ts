/**
 * The officer's calls to the server besides /api/sync: sign in and out, the
 * session (calling it online renews it for 12 hours), the caseload and its
 * photos. Each answers an outcome, never throws for the network, and every
 * body is checked with the shared schema before it is believed.
 */
import { z } from 'zod/mini';
import {
  OFFICER_SESSION_PATH,
  OFFICER_WORK_PATH,
  officerSessionSchema,
  officerWorkSchema,
  type OfficerSession,
  type OfficerWork,
} from '../../core/officer-work';
import { flushDeps, type FlushDeps } from '../flush-deps';
import { getJson, type Outcome } from '../http';

export type SignInProblem =
  'invalid_credentials' | 'too_many_attempts' | 'not_an_officer' | 'offline' | 'server';
export type SignInResult = { ok: true; session: OfficerSession } | { ok: false; problem: SignInProblem };

const loginAnswer = z.object({ user: z.object({ id: z.string(), role: z.string() }) });

export async function signIn(
  email: string,
  password: string,
  deps: FlushDeps = flushDeps(),
): Promise<SignInResult> {
  let res: Response;
  try {
    res = await deps.fetch(`${deps.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, problem: 'offline' };
  }
  if (res.status === 401 || res.status === 400) return { ok: false, problem: 'invalid_credentials' };
  if (res.status === 429) return { ok: false, problem: 'too_many_attempts' };
  if (!res.ok || !loginAnswer.safeParse(await res.json().catch(() => null)).success)
    return { ok: false, problem: 'server' };
  const session = await fetchSession(deps);
  if (session.ok) return { ok: true, session: session.value };
  return { ok: false, problem: session.status === 403 ? 'not_an_officer' : 'server' };
}

export function fetchSession(deps: FlushDeps = flushDeps()): Promise<Outcome<OfficerSession>> {
  return getJson(deps, OFFICER_SESSION_PATH, {}, officerSessionSchema);
}

export function fetchWork(deps: FlushDeps = flushDeps()): Promise<Outcome<OfficerWork>> {
  return getJson(deps, OFFICER_WORK_PATH, {}, officerWorkSchema);
}

/** Ends the session on the server; offline, the cookie simply runs out. */
export async function signOutRemote(deps: FlushDeps = flushDeps()): Promise<void> {
  try {
    await deps.fetch(`${deps.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
  } catch {
    // Offline: nothing more to do here.
  }
}

export async function fetchPicture(sha256: string, deps: FlushDeps = flushDeps()): Promise<Blob | undefined> {
  try {
    const res = await deps.fetch(`${deps.baseUrl}/api/attachments/${sha256}`, { credentials: 'same-origin' });
    return res.ok ? await res.blob() : undefined;
  } catch {
    return undefined;
  }
}
