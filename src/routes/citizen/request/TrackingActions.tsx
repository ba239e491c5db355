/** Copy and Share for a tracking number; Share falls back to Copy where the phone cannot share. */
import { createSignal } from 'solid-js';
import { t } from '../../../i18n';
import { Icon } from '../../../ui/icons';

export function TrackingActions(props: { tracking: string }) {
  const [said, setSaid] = createSignal('');

  const copy = async () => {
    setSaid('');
    try {
      await navigator.clipboard.writeText(props.tracking);
      setSaid(t('confirmation.copied'));
    } catch {
      setSaid(t('confirmation.copyFailed'));
    }
  };

  const share = async () => {
    if (typeof navigator.share !== 'function') return copy();
    try {
      await navigator.share({
        title: t('confirmation.shareTitle'),
        text: t('confirmation.shareText', { tracking: props.tracking }),
      });
    } catch {
      // The person closed the share sheet: nothing to say.
    }
  };

  return (
    <>
      <div class="button-row">
        <button type="button" class="button button--secondary button--icon" onClick={() => void copy()}>
          <Icon name="copy" />
          <span>{t('confirmation.copy')}</span>
        </button>
        <button type="button" class="button button--secondary button--icon" onClick={() => void share()}>
          <Icon name="share" />
          <span>{t('confirmation.share')}</span>
        </button>
      </div>
      <p class="action-status" role="status">
        {said()}
      </p>
    </>
  );
}
