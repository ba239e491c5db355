/**
 * A kiosk's calls to the server: enrolment (the one-time code for the device
 * credential, which the server sets as an HttpOnly cookie no script sees),
 * its settings, and sending. Sending is the ordinary flush (one code path with
 * every other device) followed by purgeKiosk(), in one queue, so a receipt is
 * read off the device and its record removed before anything else runs.
 */
import { kioskInfoSchema, type KioskInfo } from '../../core/kiosk';
import {
  markKioskRevoked,
  purgeKiosk,
  saveKioskInfo,
  sentOutcome,
  type KioskProblem,
  type SentOutcome,
} from '../../db/kiosk/store';
import { flush, type FlushSummary } from '../flush';
import { flushDeps } from '../flush-deps';
import { getJson } from '../http';
import { lenient } from '../lenient';

/** A newer server may add fields; the kiosk keeps what it knows (lenient.ts). */
const kioskAnswerSchema = lenient(kioskInfoSchema);

export type KioskCallResult =
  | { ok: true; kiosk: KioskInfo }
  | { ok: false; error: 'invalid_enrolment_code' | 'not_a_kiosk' | 'kiosk_revoked' | 'offline' | 'server' };

async function errorOf(res: Response): Promise<KioskCallResult> {
  const body: unknown = await res.json().catch(() => undefined);
  const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (code === 'invalid_enrolment_code' || code === 'not_a_kiosk' || code === 'kiosk_revoked')
    return { ok: false, error: code };
  return { ok: false, error: 'server' };
}

/** Exchanges the code from an enrolment link; on success the device is a kiosk. */
export async function enrolKiosk(code: string): Promise<KioskCallResult> {
  let res: Response;
  try {
    res = await fetch('/api/kiosk/enrol', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: 'offline' };
  }
  if (!res.ok) return errorOf(res);
  const parsed = kioskAnswerSchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, error: 'server' };
  await saveKioskInfo(parsed.data.kiosk);
  return { ok: true, kiosk: parsed.data.kiosk };
}

/** Asks the server who this kiosk is and how it behaves; stores the answer for offline starts. */
export async function refreshKioskSettings(): Promise<KioskCallResult> {
  const got = await getJson(flushDeps(), '/api/kiosk/settings', {}, kioskAnswerSchema);
  if (got.ok) {
    await saveKioskInfo(got.value.kiosk);
    return { ok: true, kiosk: got.value.kiosk };
  }
  if (got.status === 401) return { ok: false, error: 'not_a_kiosk' };
  if (got.status === 403) {
    await markKioskRevoked(new Date().toISOString());
    return { ok: false, error: 'kiosk_revoked' };
  }
  return { ok: false, error: got.error === 'offline' ? 'offline' : 'server' };
}

/** A request refused because the kiosk was revoked: the kiosk stops taking new ones. */
async function noteRevocation(refused: readonly KioskProblem[]): Promise<void> {
  if (refused.some((p) => p.reason === 'kiosk_revoked')) await markKioskRevoked(new Date().toISOString());
}

let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

async function sendAndPurge(keepDraft: string | undefined): Promise<FlushSummary> {
  // No pull: a kiosk follows no requests; the person follows theirs on their own phone.
  const summary = await flush({ force: true, skipPull: true });
  await noteRevocation(await purgeKiosk(keepDraft));
  return summary;
}

/** Sends what waits and forgets what was delivered; `keepDraft` is the form someone is filling in. */
export function sendKiosk(keepDraft?: string): Promise<FlushSummary> {
  return inTurn(() => sendAndPurge(keepDraft));
}

/**
 * Sends a submission just made and reads what became of it (the receipt while
 * online) before its record is purged. A refusal for revocation marks the kiosk.
 */
export function sendSubmission(id: string): Promise<SentOutcome> {
  return inTurn(async () => {
    await flush({ force: true, skipPull: true });
    const outcome = await sentOutcome(id);
    await noteRevocation(await purgeKiosk());
    return outcome;
  });
}
