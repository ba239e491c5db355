/**
 * One action on the request page as a small form: its own fields, the
 * minutes spent (the page's timer, or typed over it), a Send button, and the
 * outcome in words. `build` turns the fields into an action or names the
 * fields to fix; nothing typed is lost when the server refuses.
 */
import { Show, createSignal, type JSX } from 'solid-js';
import { language } from '../../../i18n';
import { act, type Action, type StaffTime } from '../../../sync/staff/api';
import type { RequestDetail } from '../../../sync/staff/schemas';
import { TextField } from '../../../ui/Field';
import { formatNumber } from '../../../ui/format';
import { st, type StaffKey } from '../i18n';
import { problemText } from '../problems';
import type { FocusTimer } from '../shared/timer';
import { revealWholeBox } from '../shared/reveal';

export type Built = { ok: true; action: Action } | { ok: false; errors: Record<string, string> };

const REASONS: Record<string, StaffKey> = {
  invalid_transition: 'actions.errors.transition',
  not_found: 'actions.errors.notFound',
};

export function ActionBox(props: {
  id: string;
  title: string;
  submit: string;
  tracking: string;
  timer: FocusTimer;
  build: () => Built;
  onDone: (r: RequestDetail, notice: string) => void;
  done: string;
  setErrors: (e: Record<string, string>) => void;
  children: JSX.Element;
}) {
  const [typed, setTyped] = createSignal<string>();
  const [minutesError, setMinutesError] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const shown = () => typed() ?? formatNumber(props.timer.minutes(), 'en', 1);

  const time = (): StaffTime | undefined => {
    const t = typed();
    if (t === undefined) return { minutes: props.timer.minutes(), source: 'timer' };
    const n = Number(t.replace(',', '.'));
    return t.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 480
      ? { minutes: n, source: 'manual' }
      : undefined;
  };

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const built = props.build();
    const spent = time();
    setMinutesError(spent ? undefined : st('actions.errors.minutes'));
    props.setErrors(built.ok ? {} : built.errors);
    if (!built.ok || !spent) return;
    setBusy(true);
    const r = await act(props.tracking, built.action, spent);
    setBusy(false);
    if (!r.ok) {
      const key = r.reason ? REASONS[r.reason] : undefined;
      setProblem(key ? st(key) : problemText(r.problem));
      return;
    }
    setTyped(undefined);
    props.timer.reset();
    props.onDone(r.value, props.done);
  };

  return (
    <section class="section action-box" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`} class="heading-s">
        {props.title}
      </h3>
      <form class="form" novalidate onSubmit={(e) => void send(e)} onFocusIn={revealWholeBox}>
        {props.children}
        <TextField
          id={`${props.id}-minutes`}
          label={st('actions.minutes')}
          hint={st('actions.minutesHint', { cap: formatNumber(60, language()) })}
          inputMode="decimal"
          width="short"
          dir="ltr"
          value={shown()}
          onInput={setTyped}
          error={minutesError()}
        />
        <Show when={problem()}>
          {(p) => (
            <p class="error-message" role="alert">
              {p()}
            </p>
          )}
        </Show>
        <button type="submit" class="button" disabled={busy()}>
          {props.submit}
        </button>
      </form>
    </section>
  );
}
