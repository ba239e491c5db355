/**
 * The worker's side of sending: a Background Sync 'sync' event for the
 * outbox tag runs the same flush as the page (src/sync/flush.ts, under the
 * same Web Lock), then tells open pages what happened. A failed flush rejects
 * so the browser schedules another 'sync' later; the pages retry meanwhile.
 */
import { flush } from '../src/sync/flush';
import { SYNC_TAG, type FlushedMessage } from '../src/sync/messages';

declare let self: ServiceWorkerGlobalScope;

/** Background Sync's event (not in TypeScript's WebWorker lib). */
export interface BackgroundSyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance?: boolean;
}

declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: BackgroundSyncEvent;
  }
}

async function tellPages(message: FlushedMessage): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window' });
  for (const page of pages) page.postMessage(message);
}

/**
 * One flush (send what waits, pull changes) whose outcome the pages hear;
 * for a push, which says something changed. Never rejects: the pages' own
 * triggers carry on if it could not finish.
 */
export async function flushAndTell(): Promise<void> {
  try {
    const summary = await flush({ force: true });
    await tellPages({ type: 'civic-flushed', summary: { ...summary } });
  } catch (e) {
    console.error('flush after a push failed', e);
  }
}

async function flushFromWorker(lastChance: boolean): Promise<void> {
  // The browser fires 'sync' when it believes the network is back: retry now, whatever the backoff says.
  const summary = await flush({ force: true });
  await tellPages({ type: 'civic-flushed', summary: { ...summary } });
  // Rejecting asks the browser to retry later; past its last chance the pages' timers carry on.
  if (summary.error !== undefined && summary.waiting > 0 && !lastChance) {
    throw new Error(`outbox flush incomplete: ${summary.error}`);
  }
}

export function handleSync(event: BackgroundSyncEvent): void {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(flushFromWorker(event.lastChance ?? false));
}
