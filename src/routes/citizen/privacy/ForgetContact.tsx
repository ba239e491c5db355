/**
 * "Remove my contact details" on the request page, once the request has its
 * tracking number: a button, then a question (what goes, what stays), then
 * the outcome said aloud. Loaded as a chunk of its own with its strings
 * (locales/privacy/), never on a first visit. Offline or a failure says so
 * and leaves everything as it was.
 */
import { Match, Show, Switch, createSignal } from 'solid-js';
import { loadPrivacyStrings, privacyText as t } from '../../../i18n/privacy';
import { forgetContact, type ForgetOutcome } from '../../../sync/forget-contact';

export interface ForgetContactProps {
  readonly tracking: string;
  readonly token: string;
}

type Step = 'idle' | 'asking' | 'removing' | ForgetOutcome;

export default function ForgetContact(props: ForgetContactProps) {
  const [ready, setReady] = createSignal(false);
  loadPrivacyStrings().then(
    () => setReady(true),
    (e: unknown) => console.error('the privacy strings could not load', e),
  );
  const [step, setStep] = createSignal<Step>('idle');
  let yes: HTMLButtonElement | undefined;
  let start: HTMLButtonElement | undefined;

  const ask = () => {
    setStep('asking');
    queueMicrotask(() => yes?.focus());
  };
  const keep = () => {
    setStep('idle');
    queueMicrotask(() => start?.focus());
  };
  const remove = async () => {
    setStep('removing');
    setStep(await forgetContact(props.tracking, props.token));
  };

  return (
    <Show when={ready()}>
      <section class="section" aria-labelledby="forget-title">
        <h2 id="forget-title" class="heading-m">
          {t('forget.title')}
        </h2>
        <Switch>
          <Match when={step() === 'done'}>{null}</Match>
          <Match when={step() === 'asking' || step() === 'removing'}>
            <div class="panel" role="group" aria-labelledby="forget-question">
              <p id="forget-question">{t('forget.confirm')}</p>
              <button
                ref={yes}
                type="button"
                class="button"
                disabled={step() === 'removing'}
                onClick={() => void remove()}
              >
                {step() === 'removing' ? t('forget.removing') : t('forget.yes')}
              </button>{' '}
              <button type="button" class="button button--secondary" onClick={keep}>
                {t('forget.no')}
              </button>
            </div>
          </Match>
          <Match when={true}>
            <p>{t('forget.intro')}</p>
            <button ref={start} type="button" class="button button--secondary" onClick={ask}>
              {t('forget.remove')}
            </button>
          </Match>
        </Switch>
        <p role="status">{step() === 'done' ? t('forget.done') : ''}</p>
        <Show when={step() === 'offline' || step() === 'failed'}>
          <p class="error-message" role="alert">
            {step() === 'offline' ? t('forget.offline') : t('forget.failed')}
          </p>
        </Show>
      </section>
    </Show>
  );
}
