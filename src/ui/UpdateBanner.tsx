/**
 * Says that a new version is ready; updates only when the person agrees.
 * The app shell shows it while a version is waiting and hands in how to
 * apply it (src/sync/register-sw.ts), so this block knows no service worker.
 */
import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';

export function UpdateBanner(props: { onReload: () => void }) {
  const [dismissed, setDismissed] = createSignal(false);
  return (
    <Show when={!dismissed()}>
      <div class="banner" role="status">
        <p>{t('update.ready')}</p>
        <button type="button" class="button" onClick={() => props.onReload()}>
          {t('update.reload')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setDismissed(true)}>
          {t('update.later')}
        </button>
      </div>
    </Show>
  );
}
