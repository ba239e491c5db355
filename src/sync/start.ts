/**
 * Starts the page's background work without making the person wait for code
 * they do not need yet. The catalog is refreshed in the person's language at
 * once, whenever they pick another language, and whenever the network comes
 * back (the home page lists it). The outbox machinery
 * (scheduler.ts, and with it sending, receipts and pulling changes) is loaded
 * and started as soon as there is anything for it to do: at start when the
 * outbox holds events or a sent request can be followed, on requestFlush()
 * (submit, feedback, "Send now"), when the service worker reports a flush,
 * and on the same one-minute and reconnect checks the scheduler uses itself
 * (another tab may have queued something). A device with nothing to send or
 * follow never needs it. Once started, the scheduler owns the sending triggers.
 */
import { createEffect, createRoot, on } from 'solid-js';
import type { Lang } from '../core/lang';
import { db } from '../db/database';
import { language } from '../i18n';
import { refreshCatalog } from './catalog';
import { parseWorkerMessage } from './messages';
import type * as SchedulerModule from './scheduler';

/** Same period as the scheduler's own (scheduler.ts PERIOD_MS). */
const CHECK_MS = 60_000;

type Scheduler = typeof SchedulerModule;

let scheduler: Promise<Scheduler> | undefined;

/** Loads the scheduler once; a failed load (a network blip) is tried again next time. */
function loadScheduler(): Promise<Scheduler> {
  scheduler ??= import('./scheduler').catch((e: unknown) => {
    scheduler = undefined;
    throw e;
  });
  return scheduler;
}

function failed(e: unknown): void {
  console.error('starting sync failed', e);
}

/** Events waiting in the outbox, or sent requests whose progress can be pulled. */
async function hasWork(): Promise<boolean> {
  return (await db.outbox.count()) > 0 || (await db.requests.where('tracking').above('').count()) > 0;
}

function startIfWork(): void {
  if (scheduler) return;
  hasWork().then(
    (work) => {
      if (work) startSending();
    },
    (e: unknown) => console.error('reading the outbox failed', e),
  );
}

async function updateCatalog(lang: Lang): Promise<void> {
  try {
    await refreshCatalog(lang);
  } catch (e) {
    // The stored catalog stays in use; the next start or reconnect tries again.
    console.error('catalog refresh failed', e);
  }
}

/** Makes sure the scheduler runs (it flushes once as it starts). */
export function startSending(): void {
  loadScheduler().then((m) => m.startSync(), failed);
}

/** Send what is waiting now: one flush, then the scheduler's triggers as usual. */
export function requestFlush(): void {
  loadScheduler().then((m) => {
    m.requestFlush();
    m.startSync({ flushNow: false });
  }, failed);
}

let started = false;

/** Starts the page's triggers for the app's lifetime; a second call changes nothing. */
export function startSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    void updateCatalog(language());
    startIfWork();
  });
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    // Once loaded, the scheduler listens itself; the first report is handed over.
    if (scheduler) return;
    const message = parseWorkerMessage(event.data);
    if (!message) return;
    loadScheduler().then((m) => {
      // The worker has just flushed: no need to flush again at once.
      m.startSync({ flushNow: false });
      m.workerReported(message);
    }, failed);
  });
  const timer = setInterval(() => {
    if (scheduler) clearInterval(timer);
    else startIfWork();
  }, CHECK_MS);
  // Now in the current language, then again each time the person picks another.
  createRoot(() => createEffect(on(language, (lang) => void updateCatalog(lang))));
  startIfWork();
}
