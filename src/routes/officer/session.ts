/**
 * Who is signed in on this device, as the officer's pages see it: the stored
 * session (from the last online check) and whether the server has since said
 * it ended. Signing in and out go through here.
 */
import { createSignal } from 'solid-js';
import { getMeta, saveSession } from '../../db/officer/meta';
import { countByState } from '../../db/officer/outbox';
import { deleteOfficerData } from '../../db/officer/database';
import { signIn, signOutRemote, type SignInResult } from '../../sync/officer/api';

async function readSession() {
  const [session, signedOut] = await Promise.all([getMeta('session'), getMeta('signed_out')]);
  return session
    ? { ...session, ended: signedOut === true || Date.parse(session.expires_at) <= Date.now() }
    : null;
}

type Session = Awaited<ReturnType<typeof readSession>>;

/**
 * A plain signal, not a resource: re-reading it after each sync must never
 * put the page into a loading state (which would unmount a form being typed in).
 * undefined until first read.
 */
const [current, setCurrent] = createSignal<Session | undefined>();
export { current as officerSession };

export async function reloadSession(): Promise<void> {
  setCurrent(await readSession());
}
void reloadSession();
const refetch = reloadSession;

/**
 * Signs in; another officer's unsent work on this device is never mixed in:
 * it must be sent or deleted (sign out) first.
 */
export async function officerSignIn(
  email: string,
  password: string,
): Promise<SignInResult | { ok: false; problem: 'other_officer' }> {
  const before = await getMeta('session');
  const result = await signIn(email, password);
  if (!result.ok) return result;
  if (before && before.user.id !== result.session.user.id && (await countByState()).waiting > 0) {
    await signOutRemote();
    return { ok: false, problem: 'other_officer' };
  }
  await saveSession(result.session);
  await refetch();
  return result;
}

export async function officerSignOut(): Promise<void> {
  await signOutRemote();
  await deleteOfficerData();
  await refetch();
}
