/**
 * Says that a new version is ready; updates only when the person agrees.
 * The app shell hands in whether one is waiting and how to apply it.
 */
import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';

export function UpdateBanner(props: { waiting: boolean; onReload: () => void }) {
  const [dismissed, setDismissed] = createSignal(false);
  return (
    <Show when={props.waiting && !dismissed()}>
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
