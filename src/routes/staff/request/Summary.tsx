/**
 * The top of the request page: service, status, channel (and who took it),
 * the citizen's language, submitted, due date with "overdue by N working
 * days", assignee, duplicate of, and the staff minutes so far.
 */
import { Show, type JSX } from 'solid-js';
import type { Service } from '../../../core/catalog';
import { language } from '../../../i18n';
import { formatDateTime, formatDay, formatNumber } from '../../../ui/format';
import { StatusBadge } from '../../../ui/StatusBadge';
import type { RequestDetail } from '../../../sync/staff/schemas';
import { st } from '../i18n';
import { languageName } from '../queue/QueueTable';

export function Row(props: { label: string; children: JSX.Element }) {
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{props.label}</dt>
      <dd class="summary-list__value">{props.children}</dd>
    </div>
  );
}

const who = (p: { name: string | null; email: string } | null) => (p ? (p.name ?? p.email) : undefined);

export function RequestSummary(props: { request: RequestDetail; service: Service | undefined }) {
  const r = () => props.request;
  return (
    <dl class="summary-list">
      <Row label={st('request.service')}>{props.service?.service_name ?? r().service_code}</Row>
      <Row label={st('request.status')}>
        <StatusBadge kind={r().status} />
      </Row>
      <Row label={st('request.channel')}>
        {st(`channels.${r().channel}`)}
        <Show when={who(r().taken_by)}>{(n) => <> – {st('request.takenBy', { name: n() })}</>}</Show>
      </Row>
      <Row label={st('request.language')}>
        <span lang={r().language}>{languageName(r().language)}</span>
      </Row>
      <Row label={st('request.submitted')}>{formatDateTime(r().submitted_at, language())}</Row>
      <Row label={st('request.due')}>
        {formatDay(r().due, language())}
        <Show when={r().overdue_working_days > 0}>
          <strong class="staff-overdue">
            {' '}
            {st('request.overdueBy', {
              count: r().overdue_working_days,
              formatted: formatNumber(r().overdue_working_days, language()),
            })}
          </strong>
        </Show>
      </Row>
      <Row label={st('request.assignee')}>{who(r().assignee) ?? st('queue.nobody')}</Row>
      <Show when={r().duplicate_of}>
        {(of) => (
          <Row label={st('request.duplicateOf')}>
            <a href={`/staff/requests/${of()}`} dir="ltr">
              {of()}
            </a>
          </Row>
        )}
      </Show>
      <Row label={st('request.staffTime')}>
        {st('request.minutes', {
          count: r().staff_minutes,
          formatted: formatNumber(r().staff_minutes, language(), 1),
        })}
      </Row>
    </dl>
  );
}
