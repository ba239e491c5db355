/**
 * A request's status as a badge: an icon and words, never colour alone.
 * Covers the device's own states (waiting to send, sent back for changes)
 * and every server status.
 */
import { Show } from 'solid-js';
import type { Status } from '../core/status';
import { t } from '../i18n';
import { Icon } from './icons';
import { ListenButton } from './ListenButton';
import { sentences } from './speech';

export type BadgeKind = Status | 'waiting' | 'returned';

/** What to show for a request on this device: its local state first, then the server's status. */
export function badgeKind(state: 'waiting' | 'sent' | 'rejected', status?: Status): BadgeKind {
  if (state === 'waiting') return 'waiting';
  if (state === 'rejected') return 'returned';
  return status ?? 'submitted';
}

const ICON_FOR = {
  waiting: 'waiting',
  returned: 'returned',
  submitted: 'sent',
  acknowledged: 'acknowledged',
  in_progress: 'in_progress',
  resolved: 'resolved',
  closed: 'closed',
  rejected: 'rejected',
  duplicate: 'duplicate',
} as const satisfies Record<BadgeKind, string>;

export function statusName(kind: BadgeKind): string {
  return t(`status.${kind}`);
}

export function statusMeaning(kind: BadgeKind): string {
  return t(`status.meaning.${kind}`);
}

/** `listen` adds a Listen button that reads the status and what it means. */
export function StatusBadge(props: { kind: BadgeKind; listen?: boolean }) {
  return (
    <span class="status">
      <span class={`badge badge--${props.kind}`}>
        <Icon name={ICON_FOR[props.kind]} />
        <span>{statusName(props.kind)}</span>
      </span>
      <Show when={props.listen}>
        <ListenButton text={sentences(statusName(props.kind), statusMeaning(props.kind))} />
      </Show>
    </span>
  );
}
