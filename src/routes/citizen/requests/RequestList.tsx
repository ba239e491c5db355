/**
 * Requests as a list of cards: service, what it was about, status badge,
 * tracking number (or the local reference while waiting), due date and the
 * date of the last update.
 */
import { A } from '../../router';
import { For, Show } from 'solid-js';
import type { Service } from '../../../core/catalog';
import type { RequestRecord } from '../../../db/records';
import { language, t } from '../../../i18n';
import { formatDay, formatShortDate } from '../../../ui/format';
import { Icon } from '../../../ui/icons';
import { StatusBadge, badgeKind } from '../../../ui/StatusBadge';

export function lastUpdate(r: RequestRecord): string {
  return r.history.reduce((latest, h) => (h.at > latest ? h.at : latest), r.submitted_at ?? r.created_at);
}

export function RequestList(props: {
  requests: readonly RequestRecord[];
  services: ReadonlyMap<string, Service>;
}) {
  return (
    <ul class="card-list">
      <For each={props.requests}>
        {(r) => {
          const service = () => props.services.get(r.service_code);
          return (
            <li class="card">
              <Show when={service()}>{(s) => <Icon name={s().icon} class="card__icon" />}</Show>
              <div class="card__body">
                <p class="card__title">
                  <A href={`/requests/${r.id}`}>{service()?.service_name ?? t('requests.unknownService')}</A>
                </p>
                <Show when={r.summary}>
                  <p class="card__summary">{r.summary}</p>
                </Show>
                <StatusBadge kind={badgeKind(r.state, r.status)} listen />
                <ul class="facts">
                  <li>
                    {r.tracking
                      ? t('requests.tracking', { tracking: r.tracking })
                      : t('requests.reference', { ref: r.local_ref })}
                  </li>
                  <Show when={r.due}>
                    {(due) => <li>{t('requests.due', { date: formatDay(due(), language()) })}</li>}
                  </Show>
                  <li>{t('requests.updated', { date: formatShortDate(lastUpdate(r), language()) })}</li>
                </ul>
              </div>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
