/**
 * "Revoke this kiosk?": revoking cannot be undone (the device needs a new
 * kiosk), so the desk asks first and says what happens to what the device
 * still holds. Focus moves to the question, and back to the list after.
 */
import { Show, createSignal, onMount } from 'solid-js';
import { revokeKiosk, type DeskKiosk, type ListedKiosk } from '../../../sync/staff/kiosks';
import { st } from '../i18n';
import { problemText } from '../problems';

export function RevokeConfirm(props: {
  kiosk: ListedKiosk;
  onDone: (k: DeskKiosk) => void;
  onCancel: () => void;
}) {
  let heading: HTMLHeadingElement | undefined;
  const [problem, setProblem] = createSignal<string>();
  onMount(() => heading?.focus());
  const revoke = async () => {
    const r = await revokeKiosk(props.kiosk.id);
    if (r.ok) props.onDone(r.value.kiosk);
    else setProblem(r.problem === 'not_found' ? st('kiosks.errors.notFound') : problemText(r.problem));
  };
  return (
    <section class="section staff-confirm" aria-labelledby="kiosk-revoke-title">
      <h2 id="kiosk-revoke-title" class="heading-m" tabindex="-1" ref={heading}>
        {st('kiosks.confirmTitle', { name: props.kiosk.name })}
      </h2>
      <p>{st('kiosks.confirmBody')}</p>
      <Show when={problem()}>
        {(p) => (
          <p class="error-message" role="alert">
            {p()}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="button button--warning" onClick={() => void revoke()}>
          {st('kiosks.confirmRevoke')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          {st('kiosks.cancel')}
        </button>
      </div>
    </section>
  );
}
