/**
 * Resetting the kiosk for the next person: everything personal is removed
 * from the device (purgeKiosk: drafts, photos, request records; only
 * undelivered submissions stay, in the outbox no screen reads), local and
 * session storage are cleared, and the page is loaded afresh at the welcome
 * screen — a new document, so no form value survives in memory or the DOM.
 */
import { purgeKiosk } from '../../db/kiosk/store';
import { KIOSK_HOME } from './paths';

function clearWebStorage(): void {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Blocked storage holds nothing of ours either.
  }
}

let resetting = false;

export async function resetKiosk(): Promise<void> {
  if (resetting) return;
  resetting = true;
  try {
    await purgeKiosk();
  } catch (e) {
    // The reload still happens; the next start purges again.
    console.error('kiosk purge failed', e);
  }
  clearWebStorage();
  window.location.replace(KIOSK_HOME);
}

/** At start: whatever a crash or a reload left behind goes before anyone sees the screen. */
export async function forgetLeftovers(): Promise<void> {
  clearWebStorage();
  await purgeKiosk();
}
