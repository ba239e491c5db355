/**
 * The queue as a table: a checkbox per request for bulk actions, the
 * tracking number linking to the request page, service, status, due date
 * (overdue marked in words), assignee, channel and the citizen's language.
 * On a phone the rows become cards (staff.css); the data stays the same.
 */
import { For, Show } from 'solid-js';
import type { Catalog } from '../../../core/catalog';
import { LANGUAGES } from '../../../core/lang';
import { language } from '../../../i18n';
import { formatShortDate } from '../../../ui/format';
import { StatusBadge } from '../../../ui/StatusBadge';
import type { ListItem, StaffUser } from '../../../sync/staff/schemas';
import { st } from '../i18n';
import { personName, serviceIn } from '../shared/catalog';

export function languageName(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;
}

export function QueueTable(props: {
  items: readonly ListItem[];
  catalog: Catalog | undefined;
  staff: readonly StaffUser[];
  selected: ReadonlySet<string>;
  onSelect: (tracking: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
}) {
  const allOn = () => props.items.length > 0 && props.items.every((i) => props.selected.has(i.tracking));
  return (
    <table class="staff-table">
      <caption class="visually-hidden">{st('queue.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <label class="staff-check">
              <input
                type="checkbox"
                checked={allOn()}
                onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
              />
              <span class="visually-hidden">{st('queue.selectAll')}</span>
            </label>
          </th>
          <th scope="col">{st('queue.columns.tracking')}</th>
          <th scope="col">{st('queue.columns.service')}</th>
          <th scope="col">{st('queue.columns.status')}</th>
          <th scope="col">{st('queue.columns.due')}</th>
          <th scope="col">{st('queue.columns.assignee')}</th>
          <th scope="col">{st('queue.columns.channel')}</th>
          <th scope="col">{st('queue.columns.language')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.items}>
          {(item) => (
            <tr>
              <td>
                <label class="staff-check">
                  <input
                    type="checkbox"
                    checked={props.selected.has(item.tracking)}
                    onChange={(e) => props.onSelect(item.tracking, e.currentTarget.checked)}
                  />
                  <span class="visually-hidden">{st('queue.select', { tracking: item.tracking })}</span>
                </label>
              </td>
              <th scope="row">
                <a href={`/staff/requests/${item.tracking}`} dir="ltr">
                  {item.tracking}
                </a>
              </th>
              <td data-label={st('queue.columns.service')}>
                {serviceIn(props.catalog, item.service_code, language())?.service_name ?? item.service_code}
                <Show when={item.summary}>{(s) => <span class="staff-table__summary">{s()}</span>}</Show>
              </td>
              <td data-label={st('queue.columns.status')}>
                <StatusBadge kind={item.status} />
              </td>
              <td data-label={st('queue.columns.due')}>
                {formatShortDate(`${item.due}T12:00:00Z`, language())}
                <Show when={item.overdue}>
                  <strong class="staff-overdue"> {st('queue.overdue')}</strong>
                </Show>
              </td>
              <td data-label={st('queue.columns.assignee')}>
                {personName(props.staff, item.assigned_to) ??
                  (item.assigned_to ? st('queue.someone') : st('queue.nobody'))}
              </td>
              <td data-label={st('queue.columns.channel')}>{st(`channels.${item.channel}`)}</td>
              <td data-label={st('queue.columns.language')} lang={item.language}>
                {languageName(item.language)}
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
