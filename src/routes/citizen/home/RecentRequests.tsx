/** "Your recent requests" on the home page: the newest three, with their status. */
import { A } from '../../router';
import { Show } from 'solid-js';
import type { Service } from '../../../core/catalog';
import type { RequestRecord } from '../../../db/records';
import { t } from '../../../i18n';
import { RequestList } from '../requests/RequestList';

const RECENT = 3;

export function RecentRequests(props: {
  requests: readonly RequestRecord[];
  services: ReadonlyMap<string, Service>;
}) {
  return (
    <Show when={props.requests.length > 0}>
      <section class="section" aria-labelledby="recent-title">
        <h2 id="recent-title" class="heading-m">
          {t('requests.recentTitle')}
        </h2>
        <RequestList requests={props.requests.slice(0, RECENT)} services={props.services} />
        <p>
          <A href="/requests">{t('requests.seeAll')}</A>
        </p>
      </section>
    </Show>
  );
}
