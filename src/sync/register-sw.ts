/**
 * Registers the service worker with workbox-window and tells the page when a
 * new version is waiting. The page reloads only when the person agrees.
 * (The page's outbox sending, start.ts, runs with or without a worker.)
 */
import { Workbox } from 'workbox-window';
import { createSignal } from 'solid-js';

const [updateWaiting, setUpdateWaiting] = createSignal(false);
export { updateWaiting };

let wb: Workbox | undefined;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox('/sw.js', { type: 'module' });
  wb.addEventListener('waiting', () => setUpdateWaiting(true));
  void wb.register();
}

/** Activates the waiting version; the page reloads once it has taken control. */
export function applyUpdate(): void {
  if (!wb) return;
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
}
