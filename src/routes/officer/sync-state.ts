/**
 * When the officer's device syncs, and what the pages show about it: a
 * round on opening the room, whenever the network comes back, every minute
 * while online (which also renews the session), and right after new work is
 * saved. One round at a time; the summary of the last one is a signal.
 */
import { createSignal } from 'solid-js';
import { syncOfficer, type OfficerSyncSummary } from '../../sync/officer/flush';
import { reloadSession } from './session';

export const SYNC_EVERY_MS = 60_000;

const [running, setRunning] = createSignal(false);
const [last, setLast] = createSignal<OfficerSyncSummary | undefined>();
export { running as syncRunning, last as lastSync };

let started = false;
let pending: Promise<void> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

/**
 * A round that found no network while the browser says it is online (the
 * 'online' event often comes before the link carries anything, and signal
 * in the field comes and goes) is tried again soon: 5 s, 10 s, 20 s, then
 * the minute of the schedule.
 */
function retryLater(summary: OfficerSyncSummary | undefined): void {
  clearTimeout(retry);
  const error = summary?.error;
  if (error !== 'offline' && error !== 'server') {
    failures = 0;
    return;
  }
  failures++;
  if (failures > 3 || !navigator.onLine) return;
  retry = setTimeout(() => void syncNow(), 5_000 * 2 ** (failures - 1));
}

/** Runs a round now (or joins the one running). */
export function syncNow(): Promise<void> {
  pending ??= (async () => {
    setRunning(true);
    try {
      const summary = await syncOfficer();
      setLast(summary);
      retryLater(summary);
    } catch (e) {
      console.error('officer sync failed', e);
    } finally {
      setRunning(false);
      pending = undefined;
      // The round renewed the session, or learnt that it ended: the pages show which.
      void reloadSession();
    }
  })();
  return pending;
}

/** Starts the schedule once per page load. */
export function startOfficerSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  setInterval(() => {
    if (navigator.onLine) void syncNow();
  }, SYNC_EVERY_MS);
  void syncNow();
}

/** After the officer saved something: send it at once when there is signal. */
export function kick(): void {
  if (navigator.onLine) void syncNow();
}
