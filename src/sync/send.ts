/**
 * Sending due outbox entries: photos first (the server must hold the bytes
 * before an attachment_added can refer to them), then the events in batches of
 * at most MAX_BATCH, then each result written back (receipts.ts). A failure of
 * the network or the server stops the round and puts the entries on backoff.
 */
import { MAX_BATCH, type EventResult } from '../core/events';
import { acceptEvent, rejectEvent } from '../db/receipts';
import { dueEvents, markUploaded, photosToUpload, recordFailure, type QueuedEvent } from '../db/queue';
import { retryDelay } from './backoff';
import type { FlushDeps } from './flush-deps';
import { postEvents, putPhoto, type Outcome, type SyncErrorCode } from './http';

export interface SendResult {
  sent: number;
  rejected: number;
  error?: SyncErrorCode;
}

type Failure = Extract<Outcome<unknown>, { ok: false }>;

async function backOff(deps: FlushDeps, queued: readonly QueuedEvent[], failure: Failure): Promise<void> {
  const code = failure.status !== undefined ? `${failure.error}:${failure.status}` : failure.error;
  await recordFailure(
    queued.map((q) => q.entry.id),
    code,
    deps.now(),
    (attempts) => retryDelay(attempts, deps.random, failure.retryAfterMs),
  );
}

/**
 * Uploads missing photos. A photo the server refuses (4xx) holds back only
 * its own attachment event, on backoff: the request itself still goes, and a
 * server that wants the request first accepts the photo on the next round.
 */
async function uploadPhotos(
  deps: FlushDeps,
  due: QueuedEvent[],
): Promise<{ held: Set<string>; failure?: Failure }> {
  const held = new Set<string>();
  for (const photo of await photosToUpload(due)) {
    const put = await putPhoto(deps, photo.owner, photo.sha256, photo.blob);
    if (put.ok) {
      await markUploaded(photo);
      continue;
    }
    if (put.transient) return { held, failure: put };
    const mine = due.filter(
      (q) =>
        q.event.type === 'attachment_added' &&
        q.event.photo.sha256 === photo.sha256 &&
        q.event.request_event_id === photo.owner,
    );
    mine.forEach((q) => held.add(q.entry.id));
    await backOff(deps, mine, put);
  }
  return { held };
}

async function applyResults(
  deps: FlushDeps,
  batch: QueuedEvent[],
  results: EventResult[],
  out: SendResult,
): Promise<void> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const unanswered: QueuedEvent[] = [];
  for (const q of batch) {
    const r = byId.get(q.entry.id);
    if (!r) unanswered.push(q);
    else if (r.outcome === 'accepted') {
      await acceptEvent(q.event, r.receipt);
      out.sent++;
    } else {
      await rejectEvent(q.event, r.reason, r.fields ?? []);
      out.rejected++;
    }
  }
  // A result missing from the answer is a server bug; try those again later rather than assume.
  if (unanswered.length > 0)
    await backOff(deps, unanswered, { ok: false, error: 'bad_response', transient: true });
}

/**
 * Posts one batch. A 400 means the server cannot read the batch as a whole
 * (an app older or newer than the server); halving isolates the events it
 * cannot read so the others still go, and those few wait on backoff.
 */
async function sendBatch(
  deps: FlushDeps,
  batch: QueuedEvent[],
  out: SendResult,
): Promise<Failure | undefined> {
  const posted = await postEvents(
    deps,
    batch.map((q) => q.event),
  );
  if (posted.ok) {
    await applyResults(deps, batch, posted.value, out);
    return undefined;
  }
  if (posted.transient) return posted;
  if (batch.length === 1) {
    await backOff(deps, batch, posted);
    out.error ??= posted.error;
    return undefined;
  }
  const half = Math.ceil(batch.length / 2);
  return (await sendBatch(deps, batch.slice(0, half), out)) ?? sendBatch(deps, batch.slice(half), out);
}

export async function sendOutbox(deps: FlushDeps, force: boolean): Promise<SendResult> {
  const out: SendResult = { sent: 0, rejected: 0 };
  const due = await dueEvents(deps.now(), force);
  if (due.length === 0) return out;
  const uploads = await uploadPhotos(deps, due);
  if (uploads.failure) {
    await backOff(deps, due, uploads.failure);
    return { ...out, error: uploads.failure.error };
  }
  const queue = due.filter((q) => !uploads.held.has(q.entry.id));
  for (let i = 0; i < queue.length; i += MAX_BATCH) {
    const failure = await sendBatch(deps, queue.slice(i, i + MAX_BATCH), out);
    if (failure) {
      // The rest of the queue would meet the same network: all of it waits.
      await backOff(deps, queue.slice(i), failure);
      return { ...out, error: failure.error };
    }
  }
  return out;
}
