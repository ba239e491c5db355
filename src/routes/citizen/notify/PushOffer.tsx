/**
 * The offer of notifications on this phone, on the request page once the
 * request has its tracking number: a button, so the browser asks for
 * permission only when the person wants it; then that updates come as
 * notifications, with a way to turn them off. Loaded as a chunk of its own
 * (with its strings, locales/push/) only where the browser can do web push.
 * A failure or no network says so and leaves the request as it was.
 */
import { Show, createSignal } from 'solid-js';
import type { Lang } from '../../../core/lang';
import { livePushState, setPushOff, setPushOn } from '../../../db/push';
import { loadPushStrings, pushText as t } from '../../../i18n/push';
import { turnPushOff, turnPushOn, type PushOutcome } from '../../../sync/push';
import { createLive, valueOr } from '../../../ui/live';

export interface PushOfferProps {
  readonly requestId: string;
  readonly tracking: string;
  readonly token: string;
  readonly language: Lang;
}

type Problem = Exclude<PushOutcome, 'on' | 'off'>;
const PROBLEM_KEYS = {
  offline: 'push.offline',
  not_allowed: 'push.notAllowed',
  stopped: 'push.stopped',
  too_many: 'push.tooMany',
  failed: 'push.failed',
} as const satisfies Record<Problem, string>;

export default function PushOffer(props: PushOfferProps) {
  const state = createLive(livePushState(props.requestId));
  const [ready, setReady] = createSignal(false);
  loadPushStrings().then(
    () => setReady(true),
    (e: unknown) => console.error('the notification strings could not load', e),
  );
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<Problem | undefined>();
  const [said, setSaid] = createSignal('');
  const endpoint = () => valueOr(state(), undefined)?.endpoint;

  /** One change at a time; the outcome is said aloud, a problem shown as an alert. */
  const change = async (to: 'on' | 'off') => {
    if (busy()) return;
    setBusy(true);
    setProblem(undefined);
    setSaid('');
    try {
      const current = endpoint();
      if (to === 'off' && current !== undefined) {
        const outcome = await turnPushOff(props, current);
        if (outcome !== 'off') return setProblem(outcome === 'on' ? 'failed' : outcome);
        await setPushOff(props.requestId);
        setSaid(t('push.off'));
      } else {
        const result = await turnPushOn(props);
        if (result.outcome !== 'on' || !result.endpoint)
          return setProblem(result.outcome === 'on' || result.outcome === 'off' ? 'failed' : result.outcome);
        await setPushOn(props.requestId, result.endpoint);
        setSaid(t('push.on'));
      }
    } catch (e) {
      // Storage refused the note of it: the person can try again.
      console.error('saving the notification setting failed', e);
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  const label = () => {
    const on = endpoint() !== undefined;
    if (busy()) return t(on ? 'push.turningOff' : 'push.turningOn');
    return t(on ? 'push.turnOff' : 'push.turnOn');
  };

  return (
    <Show when={state().loaded && ready()}>
      <section class="section" aria-labelledby="push-title">
        <h2 id="push-title" class="heading-m">
          {t('push.title')}
        </h2>
        <p>{endpoint() === undefined ? t('push.offer') : t('push.on')}</p>
        {/* One button whose words change, so keyboard focus stays on it. */}
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={busy() ? 'true' : undefined}
          onClick={() => void change(endpoint() === undefined ? 'on' : 'off')}
        >
          {label()}
        </button>
        <Show when={problem()}>
          {(p) => (
            <div class="warning" role="alert">
              <p>{t(PROBLEM_KEYS[p()])}</p>
            </div>
          )}
        </Show>
        <p class="action-status" role="status">
          {said()}
        </p>
      </section>
    </Show>
  );
}
