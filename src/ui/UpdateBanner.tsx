/** Says that a new version is ready; updates only when the person agrees. */
import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';
import { applyUpdate, updateWaiting } from '../sync/register-sw';

export function UpdateBanner() {
  const [dismissed, setDismissed] = createSignal(false);
  return (
    <Show when={updateWaiting() && !dismissed()}>
      <div class="banner" role="status">
        <p>{t('update.ready')}</p>
        <button type="button" class="button" onClick={applyUpdate}>
          {t('update.reload')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setDismissed(true)}>
          {t('update.later')}
        </button>
      </div>
    </Show>
  );
}
