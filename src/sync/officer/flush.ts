/**
 * The officer's sync, one round: check the session (which renews it while
 * online), send the waiting events in the order they were made, upload
 * photos in the background batches of photos.ts, send the photo events
 * whose bytes had to go first, then download the caseload again so the
 * officer sees what changed on the server. A Web Lock keeps two tabs from
 * sending the same events at once; the server would answer a repeat with
 * the same result anyway.
 *
 * An expired session stops the round before anything is sent: the events
 * wait, untouched, until the officer signs in again.
 */
import { MAX_BATCH, type SyncEvent } from '../../core/events';
import { StorageFullError } from '../../db/errors';
import { saveSession, setMeta } from '../../db/officer/meta';
import { countByState, noteFailure, recordResults, waitingEvents } from '../../db/officer/outbox';
import { officerDb } from '../../db/officer/database';
import type { OutboxEntry } from '../../db/officer/records';
import { missingPictures, savePicture, saveWork } from '../../db/officer/work';
import { flushDeps, type FlushDeps } from '../flush-deps';
import { postEvents } from '../http';
import { fetchPicture, fetchSession, fetchWork } from './api';
import { uploadPhotos } from './photos';

export const OFFICER_SYNC_LOCK = 'civic-officer-sync';
/** Well under the server's 1 MB body limit, whatever the notes hold. */
const MAX_BATCH_BYTES = 512 * 1024;

export type OfficerSyncError = 'offline' | 'not_signed_in' | 'server' | 'storage_full';

export interface OfficerSyncSummary {
  readonly sent: number;
  readonly refused: number;
  readonly waiting: number;
  readonly error?: OfficerSyncError;
}

function batches(entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const out: OutboxEntry[][] = [];
  let current: OutboxEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = JSON.stringify(e.event).length;
    if (current.length > 0 && (current.length >= MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function send(deps: FlushDeps, entries: readonly OutboxEntry[]): Promise<OfficerSyncError | undefined> {
  for (const batch of batches(entries)) {
    const posted = await postEvents(
      deps,
      batch.map((e) => e.event),
    );
    if (!posted.ok) {
      const error: OfficerSyncError = posted.error === 'offline' ? 'offline' : 'server';
      await noteFailure(
        batch.map((e) => e.id),
        posted.status !== undefined ? `${posted.error}:${posted.status}` : posted.error,
      );
      return error;
    }
    await recordResults(posted.value);
    if (posted.value.some((r) => r.outcome === 'rejected' && r.reason === 'not_signed_in')) {
      await setMeta('signed_out', true);
      return 'not_signed_in';
    }
  }
  return undefined;
}

/** photo_added is refused until the server holds the bytes: those wait for the uploads. */
async function needsBytesFirst(e: SyncEvent): Promise<boolean> {
  if (e.type !== 'photo_added') return false;
  const photo = await officerDb().photos.get([e.id, e.photo.sha256]);
  return photo?.uploaded !== 1;
}

async function refreshWork(deps: FlushDeps): Promise<OfficerSyncError | undefined> {
  const work = await fetchWork(deps);
  if (!work.ok)
    return work.status === 401 ? 'not_signed_in' : work.error === 'offline' ? 'offline' : 'server';
  await saveWork(work.value.items);
  for (const sha256 of await missingPictures()) {
    const blob = await fetchPicture(sha256, deps);
    if (!blob) break;
    await savePicture(sha256, blob);
  }
  return undefined;
}

async function round(deps: FlushDeps): Promise<OfficerSyncError | undefined> {
  const session = await fetchSession(deps);
  if (!session.ok) {
    if (session.status === 401) {
      await setMeta('signed_out', true);
      return 'not_signed_in';
    }
    return session.error === 'offline' ? 'offline' : 'server';
  }
  await saveSession(session.value);
  const waiting = await waitingEvents();
  const later: OutboxEntry[] = [];
  const now: OutboxEntry[] = [];
  for (const e of waiting) ((await needsBytesFirst(e.event)) ? later : now).push(e);
  const first = await send(deps, now);
  if (first) return first;
  const uploads = await uploadPhotos(deps);
  if (uploads.stopped) return uploads.stopped;
  const second = await send(
    deps,
    (await waitingEvents()).filter((e) => e.event.type === 'photo_added'),
  );
  if (second) return second;
  const refreshed = await refreshWork(deps);
  if (refreshed) return refreshed;
  await setMeta('last_sync_at', new Date(deps.now()).toISOString());
  return undefined;
}

async function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? locks.request(OFFICER_SYNC_LOCK, run) : run();
}

/** One sync round; never throws for the network (that is in the summary). */
export function syncOfficer(overrides: Partial<FlushDeps> = {}): Promise<OfficerSyncSummary> {
  const deps = flushDeps(overrides);
  return withLock(async () => {
    const before = await countByState();
    let error: OfficerSyncError | undefined;
    try {
      error = await round(deps);
    } catch (e) {
      if (!(e instanceof StorageFullError)) throw e;
      error = 'storage_full';
    }
    const after = await countByState();
    return {
      sent: after.sent - before.sent,
      refused: after.refused - before.refused,
      waiting: after.waiting,
      ...(error ? { error } : {}),
    };
  });
}
