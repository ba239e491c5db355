/**
 * THE flush: one function for the page and the service worker's 'sync'
 * event. It sends what is due in the outbox (send.ts), then pulls changes for
 * this device's requests (pull.ts). A Web Lock makes every tab and the worker
 * take turns, so no event is ever in flight twice from one device; the server
 * answers a repeat anyway (same event id, same receipt), so a crash between
 * its answer and our write costs a resend, never a duplicate.
 *
 * Runs under both tsconfig.app.json and tsconfig.sw.json: fetch, IndexedDB
 * (Dexie) and navigator.locks only — no window, no document.
 */
import { db } from '../db/database';
import { StorageFullError } from '../db/errors';
import { flushDeps, type FlushDeps } from './flush-deps';
import type { SyncErrorCode } from './http';
import { pullChanges } from './pull';
import { sendOutbox } from './send';

export const FLUSH_LOCK = 'civic-flush';

export interface FlushSummary {
  /** Events the server accepted in this flush. */
  readonly sent: number;
  /** Events the server refused (requests went back to drafts). */
  readonly rejected: number;
  /** Entries still in the outbox afterwards (including ones on backoff). */
  readonly waiting: number;
  /** Why sending or pulling stopped early; the UI translates the code. */
  readonly error?: SyncErrorCode;
}

export interface FlushOptions {
  /** Ignore the backoff: the person asked ("Send now") or the network just came back. */
  readonly force?: boolean;
  /** Skip pulling changes (e.g. right after a submit, when only sending matters). */
  readonly skipPull?: boolean;
  readonly deps?: Partial<FlushDeps>;
}

async function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // Without Web Locks (old browsers, Node) there is no one to take turns with reliably; run.
  if (!locks) return run();
  return locks.request(FLUSH_LOCK, { ifAvailable: false }, run);
}

async function waitingCount(): Promise<number> {
  return db.outbox.filter((e) => e.rejected === undefined).count();
}

async function runFlush(deps: FlushDeps, options: FlushOptions): Promise<FlushSummary> {
  const sent = await sendOutbox(deps, options.force ?? false);
  // Offline or a failing server: the pull would fail the same way.
  const pulled = sent.error === undefined && !options.skipPull ? await pullChanges(deps) : undefined;
  const error = sent.error ?? pulled?.error;
  return {
    sent: sent.sent,
    rejected: sent.rejected,
    waiting: await waitingCount(),
    ...(error !== undefined ? { error } : {}),
  };
}

/**
 * Sends and pulls once. Never throws for network or server trouble (that is
 * in the summary); a full disk surfaces as error 'storage_full'.
 */
export async function flush(options: FlushOptions = {}): Promise<FlushSummary> {
  const deps = flushDeps(options.deps);
  return withLock(async () => {
    try {
      return await runFlush(deps, options);
    } catch (e) {
      if (!(e instanceof StorageFullError)) throw e;
      return { sent: 0, rejected: 0, waiting: await waitingCount(), error: 'storage_full' };
    }
  });
}
