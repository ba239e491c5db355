/**
 * Entry point: picks the language, then renders the app, starts the page's
 * syncing and registers the service worker.
 */
import { render } from 'solid-js/web';
import { App } from './App';
import { initI18n } from './i18n';
import { initialLanguage } from './i18n/preference';
import { registerServiceWorker } from './sync/register-sw';
import { startSync } from './sync/start';
import './ui/styles.css';

async function start(): Promise<void> {
  await initI18n(initialLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  render(() => <App />, root);
  startSync();
  registerServiceWorker();
}

void start();
