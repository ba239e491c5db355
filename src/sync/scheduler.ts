/**
 * When the page flushes (the service worker has its own trigger, the
 * Background Sync 'sync' event): at start, when the network comes back, every
 * minute while open, when an entry's backoff ends, when the worker reports,
 * and on requestFlush() (submit, "Send now"). Browsers without Background
 * Sync (iOS Safari, Firefox) rely on exactly these. Exposes the state for the
 * UI as Solid signals; codes only, the UI words them.
 *
 * Loaded and started by start.ts once there is something to send or follow;
 * the catalog refresh lives there, since every page needs it.
 */
import { createSignal } from 'solid-js';
import { db } from '../db/database';
import { nextAttemptAt } from '../db/queue';
import { flush } from './flush';
import { parseWorkerMessage, SYNC_TAG, type FlushedMessage, type SyncErrorCode } from './messages';

export type SyncState = 'idle' | 'sending' | 'waiting-retry' | 'offline';

export const PERIOD_MS = 60_000;

const [syncState, setSyncState] = createSignal<SyncState>('idle');
const [lastError, setLastError] = createSignal<SyncErrorCode | undefined>(undefined);
/** 'idle' | 'sending' | 'waiting-retry' | 'offline', for the status line and the "Send now" button. */
export { syncState, lastError };

interface SyncRegistration {
  readonly sync?: { register(tag: string): Promise<void> };
}

let running: Promise<void> | undefined;
let again: { force: boolean } | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine;
}

/** Asks the browser to flush from the worker when it has a network, even if every tab is closed. */
async function registerBackgroundSync(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  try {
    // getRegistration, not `ready`: `ready` never settles when no worker is registered (dev).
    const reg = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & SyncRegistration) | undefined;
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // Permission denied or unsupported: the page's own triggers still send.
  }
}

async function scheduleRetry(): Promise<void> {
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  retryTimer = undefined;
  const at = await nextAttemptAt();
  if (at === undefined) return;
  // Long waits are covered by the periodic flush; a small margin lets the entry be due.
  const delay = Math.min(Math.max(0, at - Date.now()) + 50, PERIOD_MS);
  retryTimer = setTimeout(() => void pageFlush(false), delay);
}

function show(summary: { waiting: number; error?: SyncErrorCode | undefined }): void {
  setLastError(summary.error);
  if (summary.error === 'offline' && isOffline()) setSyncState('offline');
  else setSyncState(summary.waiting > 0 ? 'waiting-retry' : 'idle');
}

async function flushOnce(force: boolean): Promise<void> {
  if (isOffline()) {
    setSyncState('offline');
    return;
  }
  if ((await db.outbox.count()) > 0) setSyncState('sending');
  show(await flush({ force }));
  await scheduleRetry();
}

/** Runs a flush, or queues one more if one is running (a submit during a flush is not missed). */
function pageFlush(force: boolean): Promise<void> {
  if (running) {
    again = { force: force || (again?.force ?? false) };
    return running;
  }
  running = (async () => {
    let next: { force: boolean } | undefined = { force };
    while (next) {
      again = undefined;
      try {
        await flushOnce(next.force);
      } catch (e) {
        console.error('flush failed', e);
        setLastError('unexpected');
        setSyncState('waiting-retry');
      }
      next = again;
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** Send what is waiting now: from the page at once, and via Background Sync where the browser has it. */
export function requestFlush(): void {
  void registerBackgroundSync();
  // Outside a page (unit tests, Node) there is nothing to schedule on.
  if (typeof window === 'undefined') return;
  void pageFlush(true);
}

/** The worker flushed: show its summary and wait for the next entry due. */
export function workerReported(message: FlushedMessage): void {
  show(message.summary);
  void scheduleRetry();
}

let stop: (() => void) | undefined;

/**
 * Starts the page's triggers and, unless told not to (the caller flushes
 * itself), flushes once now; returns the cleanup (call it from onCleanup, or
 * never for the app's lifetime). A second call while started changes nothing.
 */
export function startSync(options: { flushNow?: boolean } = {}): () => void {
  stop ??= start(options.flushNow ?? true);
  return () => {
    stop?.();
    stop = undefined;
  };
}

function start(flushNow: boolean): () => void {
  const onOnline = (): void => {
    void pageFlush(true);
  };
  const onOffline = (): void => {
    setSyncState('offline');
  };
  const onMessage = (event: MessageEvent): void => {
    const message = parseWorkerMessage(event.data);
    if (message) workerReported(message);
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  navigator.serviceWorker?.addEventListener('message', onMessage);
  const timer = setInterval(() => void pageFlush(false), PERIOD_MS);

  if (flushNow) void pageFlush(true);

  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    navigator.serviceWorker?.removeEventListener('message', onMessage);
    clearInterval(timer);
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  };
}
