/**
 * The request's full history, public and internal: when, who, what
 * happened (status from → to, assignment, duplicate of …), whether the
 * person sees it, the message, and the minutes spent.
 */
import { For, Show } from 'solid-js';
import { language } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../ui/format';
import { statusName } from '../../../ui/StatusBadge';
import type { HistoryEvent, StaffUser } from '../../../sync/staff/schemas';
import { st, type StaffKey } from '../i18n';
import { personName } from '../shared/catalog';

const KINDS = [
  'created',
  'acknowledged',
  'assigned',
  'status_changed',
  'note',
  'duplicate',
  'feedback',
  'attachment',
  'visit',
  'contact_removed',
];

function actor(e: HistoryEvent): string {
  if (e.actor_name) return e.actor_name;
  if (e.actor === 'citizen' || e.actor === 'device' || e.actor === 'api' || e.actor === 'system')
    return st(`history.actors.${e.actor}`);
  return st('history.actors.staff');
}

function what(e: HistoryEvent, staff: readonly StaffUser[]): string {
  const kind = KINDS.includes(e.kind) ? st(`history.kinds.${e.kind}` as StaffKey) : e.kind;
  const d = e.data ?? {};
  if (e.kind === 'assigned')
    return `${kind}: ${typeof d['to'] === 'string' ? (personName(staff, d['to']) ?? st('queue.someone')) : st('queue.nobody')}`;
  if (e.kind === 'duplicate' && typeof d['duplicate_of'] === 'string') return `${kind}: ${d['duplicate_of']}`;
  if (e.status_from && e.status_to)
    return `${kind}: ${statusName(e.status_from)} → ${statusName(e.status_to)}`;
  if (typeof d['due'] === 'string') return `${kind} (${st('history.newDue', { date: d['due'] })})`;
  return kind;
}

export function History(props: { events: readonly HistoryEvent[]; staff: readonly StaffUser[] }) {
  return (
    <section class="section" aria-labelledby="history-title">
      <h2 id="history-title" class="heading-m">
        {st('history.title')}
      </h2>
      <table class="staff-table staff-table--history">
        <caption class="visually-hidden">{st('history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{st('history.when')}</th>
            <th scope="col">{st('history.who')}</th>
            <th scope="col">{st('history.what')}</th>
            <th scope="col">{st('history.seen')}</th>
            <th scope="col">{st('history.message')}</th>
            <th scope="col">{st('history.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={[...props.events].reverse()}>
            {(e) => (
              <tr>
                <td data-label={st('history.when')}>{formatDateTime(e.at, language())}</td>
                <td data-label={st('history.who')}>{actor(e)}</td>
                <td data-label={st('history.what')}>{what(e, props.staff)}</td>
                <td data-label={st('history.seen')}>
                  {e.public ? st('history.public') : st('history.internal')}
                </td>
                <td data-label={st('history.message')} class="pre-line">
                  {e.message ?? ''}
                </td>
                <td data-label={st('history.minutes')}>
                  <Show when={e.staff_minutes !== null}>
                    {formatNumber(e.staff_minutes ?? 0, language(), 1)}
                    <Show when={e.staff_time_source === 'manual'}> ({st('history.typed')})</Show>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
