/**
 * The kiosk room's entry (main.tsx loads it for any /kiosk address, in its
 * own chunk): the page switches to the kiosk's database before anything
 * reads, forgets what a crash or reload left, shows large text, and starts
 * in the kiosk's default language.
 */
import { render } from 'solid-js/web';
import { getKioskInfo, getKioskRevoked, useKioskDatabase } from '../../db/kiosk/store';
import { changeLanguage, language } from '../../i18n';
import { KioskApp } from './KioskApp';
import { forgetLeftovers } from './reset';
import { checkSettings, startSending } from './sending';
import { setKiosk, setStatus } from './session';
import './kiosk.css';

export async function startKiosk(root: HTMLElement): Promise<void> {
  useKioskDatabase();
  // Large by default, never remembered: the next person starts the same way.
  document.documentElement.dataset['textSize'] = 'large';
  document.documentElement.classList.add('kiosk-mode');
  await forgetLeftovers().catch((e: unknown) => console.error('kiosk purge failed', e));
  const [info, revoked] = await Promise.all([getKioskInfo(), getKioskRevoked()]);
  if (info) setKiosk(info);
  // Not (yet) a kiosk: the enrolment and "not a kiosk" pages speak the device's own language.
  await changeLanguage(info?.settings.default_language ?? language());
  if (revoked) setStatus('revoked');
  else if (info) setStatus('ready');
  render(() => <KioskApp />, root);
  if (window.location.pathname.toLowerCase() !== '/kiosk/enrol') {
    // Offline with stored settings, the kiosk works as it is; otherwise the server says what it is.
    await checkSettings();
    if (!info && !navigator.onLine) setStatus('not_a_kiosk');
    startSending();
  }
}
