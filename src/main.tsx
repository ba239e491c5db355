/**
 * Entry point: picks the language, then renders the app (or, at /kiosk, the
 * kiosk room), starts the page's syncing and registers the service worker.
 */
import { render } from 'solid-js/web';
import { App } from './App';
import { initI18n, loadRoomStrings } from './i18n';
import { initialLanguage } from './i18n/preference';
import { registerServiceWorker } from './sync/register-sw';
import { startSync } from './sync/start';
import { keepFocusInView } from './ui/focus-in-view';
import './ui/styles.css';

/** A kiosk address: the kiosk room, in chunks of its own that a citizen's phone never loads. */
const isKiosk = (path: string) => /^\/kiosk(\/|$)/i.test(path);

async function start(): Promise<void> {
  await initI18n(initialLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  keepFocusInView();
  if (isKiosk(window.location.pathname)) {
    const [{ startKiosk }] = await Promise.all([import('./routes/kiosk/start'), loadRoomStrings()]);
    await startKiosk(root);
  } else {
    render(() => <App />, root);
    startSync();
  }
  registerServiceWorker();
}

void start();
