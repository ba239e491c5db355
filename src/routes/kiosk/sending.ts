/**
 * When the kiosk sends (and refreshes its catalog, in the language on
 * screen and again whenever a person picks another): at start, when the network comes back, and every
 * half minute (each time also forgetting what was delivered); its settings
 * are asked for at start and every few minutes, so a revocation or new idle
 * times reach it without a visit.
 */
import { createEffect, createRoot, on } from 'solid-js';
import type { Lang } from '../../core/lang';
import { getKioskRevoked } from '../../db/kiosk/store';
import { language } from '../../i18n';
import { refreshCatalog } from '../../sync/catalog';
import type { FlushSummary } from '../../sync/flush';
import { refreshKioskSettings, sendKiosk } from '../../sync/kiosk/calls';
import { currentDraft, setKiosk, setStatus } from './session';

const SEND_MS = 30_000;
const SETTINGS_MS = 5 * 60_000;

export async function checkSettings(): Promise<void> {
  const r = await refreshKioskSettings();
  if (r.ok) {
    setKiosk(r.kiosk);
    setStatus('ready');
  } else if (r.error === 'not_a_kiosk' || r.error === 'kiosk_revoked')
    setStatus(r.error === 'kiosk_revoked' ? 'revoked' : 'not_a_kiosk');
}

let retry: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

/**
 * A send that found no network while the browser says it is online (the
 * 'online' event often comes before the link carries anything) is tried again
 * soon, 2 s, 4 s, then 8 s later, rather than at the next half minute: what a
 * person just sent should not wait on the kiosk longer than it must.
 */
function retrySoon(summary: FlushSummary): void {
  clearTimeout(retry);
  if ((summary.error !== 'offline' && summary.error !== 'server') || summary.waiting === 0) {
    failures = 0;
    return;
  }
  failures++;
  if (failures > 3 || !navigator.onLine) return;
  retry = setTimeout(send, 2_000 * 2 ** (failures - 1));
}

function send(): void {
  sendKiosk(currentDraft())
    .then(async (summary) => {
      retrySoon(summary);
      // A request refused as made after revocation: the kiosk takes no more.
      if (await getKioskRevoked()) setStatus('revoked');
    })
    .catch((e: unknown) => console.error('kiosk send failed', e));
}

/** The catalog comes per language (its texts and that language's translations). */
function updateCatalog(lang: Lang): void {
  // The stored catalog stays in use when this fails; the next reconnect tries again.
  refreshCatalog(lang).catch((e: unknown) => console.error('catalog refresh failed', e));
}

export function startSending(): void {
  window.addEventListener('online', () => {
    failures = 0;
    send();
    updateCatalog(language());
    void checkSettings();
  });
  // In the language on screen now, then again each time a person picks another.
  createRoot(() => createEffect(on(language, updateCatalog)));
  setInterval(send, SEND_MS);
  setInterval(() => void checkSettings(), SETTINGS_MS);
  send();
}
