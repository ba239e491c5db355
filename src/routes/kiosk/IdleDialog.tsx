/**
 * "Are you still there?": a modal dialog with the seconds left and one large
 * button. Any touch or key closes it too (that is someone being there).
 */
import { createEffect, type JSX } from 'solid-js';
import { language, t } from '../../i18n';
import { formatNumber } from '../../ui/format';

export function IdleDialog(props: { secondsLeft: number | undefined; onStay: () => void }): JSX.Element {
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    const open = props.secondsLeft !== undefined && props.secondsLeft > 0;
    if (open && !dialog?.open) dialog?.showModal();
    if (!open && dialog?.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="kiosk-idle"
      aria-labelledby="kiosk-idle-title"
      aria-describedby="kiosk-idle-body"
      onCancel={(e) => {
        e.preventDefault();
        props.onStay();
      }}
    >
      <h2 id="kiosk-idle-title" class="heading-l">
        {t('kiosk.idleTitle')}
      </h2>
      <p id="kiosk-idle-body">
        {t('kiosk.idleBody', { seconds: formatNumber(props.secondsLeft ?? 0, language()) })}
      </p>
      <button type="button" class="button kiosk-button--large" onClick={() => props.onStay()}>
        {t('kiosk.stillHere')}
      </button>
    </dialog>
  );
}
