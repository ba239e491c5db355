/** Online / offline indicator, with text and an icon (never colour alone). */
import { Show, createSignal, onCleanup } from 'solid-js';
import { t } from '../i18n';

export function createOnline() {
  const [online, setOnline] = createSignal(navigator.onLine);
  const up = () => setOnline(true);
  const down = () => setOnline(false);
  window.addEventListener('online', up);
  window.addEventListener('offline', down);
  onCleanup(() => {
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  });
  return online;
}

export function NetworkStatus() {
  const online = createOnline();
  return (
    <div role="status" class="network-status">
      <Show when={!online()}>
        <p class="network-status__offline">
          <span aria-hidden="true">⚠ </span>
          {t('network.offline')}
        </p>
      </Show>
    </div>
  );
}
