/** A request's history as the officer sees it: what happened, who did it, when, and any message. */
import { For, Show } from 'solid-js';
import type { WorkEvent } from '../../core/officer-work';
import { language } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { statusName } from '../../ui/StatusBadge';
import { ot, type OfficerKey } from './i18n';

const KNOWN_BY = new Set(['me', 'citizen', 'device', 'api']);
const KINDS = new Set([
  'created',
  'acknowledged',
  'assigned',
  'status_changed',
  'note',
  'duplicate',
  'feedback',
  'attachment',
  'visit',
]);

export function byWhom(by: string): string {
  return KNOWN_BY.has(by) ? ot(`by.${by}` as OfficerKey) : by;
}

export function HistoryList(props: { entries: readonly WorkEvent[] }) {
  return (
    <ol class="history">
      <For each={[...props.entries].reverse()}>
        {(e) => (
          <li>
            <p>
              <strong>{KINDS.has(e.kind) ? ot(`kinds.${e.kind}` as OfficerKey) : e.kind}</strong>
              <Show when={e.status_to}>{(s) => <> · {statusName(s())}</>}</Show> · {byWhom(e.by)} ·{' '}
              {formatDateTime(e.at, language())}
            </p>
            <Show when={e.message}>{(m) => <p>{m()}</p>}</Show>
          </li>
        )}
      </For>
    </ol>
  );
}
