/**
 * Progress the way a parcel is tracked: Waiting to send → Sent → Received →
 * In progress → Resolved, each marked done, now or not yet in words (not
 * colour alone), with the date it happened when known. Rejected and
 * duplicate are outcomes off this path and are said in words instead.
 */
import { For, Show } from 'solid-js';
import { progressStep } from '../../../core/lifecycle';
import type { Status } from '../../../core/status';
import type { LocalState } from '../../../db/records';
import { language, t } from '../../../i18n';
import { formatShortDate } from '../../../ui/format';
import { Icon } from '../../../ui/icons';
import { statusName, type BadgeKind } from '../../../ui/StatusBadge';

/** A public update: from this device's records or straight from the server (Track by number). */
export interface Update {
  readonly at: string;
  readonly status?: Status | undefined;
  readonly message?: string | undefined;
}

const PATH = [
  'waiting',
  'submitted',
  'acknowledged',
  'in_progress',
  'resolved',
] as const satisfies readonly BadgeKind[];

/** Index on PATH of where the request is now; -1 when it left the path (rejected, duplicate). */
export function timelineIndex(state: LocalState, status: Status | undefined): number {
  if (state !== 'sent') return 0;
  const step = progressStep(status ?? 'submitted');
  // closed sits after resolved: the last step of the path is done.
  return step < 0 ? -1 : Math.min(step + 1, PATH.length - 1);
}

export function Timeline(props: {
  state: LocalState;
  status: Status | undefined;
  history: readonly Update[];
}) {
  const now = () => timelineIndex(props.state, props.status);
  const finished = () => props.status === 'closed' || props.status === 'resolved';
  const when = (kind: BadgeKind) => props.history.find((h) => h.status === kind)?.at;
  const phase = (i: number) =>
    i < now() || (i === now() && finished()) ? 'done' : i === now() ? 'current' : 'upcoming';

  return (
    <Show when={now() >= 0}>
      <ol class="timeline">
        <For each={PATH}>
          {(kind, i) => (
            <li
              class={`timeline__step timeline__step--${phase(i())}`}
              aria-current={phase(i()) === 'current' ? 'step' : undefined}
            >
              <span class="timeline__marker">
                <Show when={phase(i()) === 'done'}>
                  <Icon name="resolved" />
                </Show>
              </span>
              <span class="timeline__text">
                <span class="timeline__name">{statusName(kind)}</span>
                <span class="timeline__phase">{t(`confirmation.phase.${phase(i())}`)}</span>
                <Show when={when(kind)}>
                  {(at) => <span class="timeline__date">{formatShortDate(at(), language())}</span>}
                </Show>
              </span>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

/** Public messages from the council, newest first. */
export function History(props: { history: readonly Update[] }) {
  const entries = () => [...props.history].reverse();
  return (
    <Show when={entries().length > 0} fallback={<p>{t('confirmation.noUpdates')}</p>}>
      <ul class="history">
        <For each={entries()}>
          {(h) => (
            <li class="history__entry">
              <p class="history__meta">
                <span>{formatShortDate(h.at, language())}</span>
                <Show when={h.status}>{(s) => <strong> {statusName(s())}</strong>}</Show>
              </p>
              <Show when={h.message}>{(m) => <p class="history__message">{m()}</p>}</Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
