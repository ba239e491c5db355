/** The queue's tabs as links, each with its count; the open one is marked for screen readers too. */
import { For, Show } from 'solid-js';
import { formatNumber } from '../../../ui/format';
import { language } from '../../../i18n';
import type { TabCounts } from '../../../sync/staff/schemas';
import { st } from '../i18n';
import { TABS, queueHref, type Filters, type Tab } from './state';

export function QueueTabs(props: { tab: Tab; filters: Filters; counts: TabCounts | undefined }) {
  return (
    <nav class="queue-tabs" aria-label={st('queue.tabsLabel')}>
      <ul class="queue-tabs__list">
        <For each={TABS}>
          {(tab) => (
            <li>
              <a
                class="queue-tabs__tab"
                href={queueHref(tab, props.filters)}
                aria-current={tab === props.tab ? 'page' : undefined}
              >
                <span>{st(`queue.tabs.${tab}`)}</span>
                <Show when={tab !== 'all' && props.counts}>
                  {(c) => (
                    <span class="queue-tabs__count">
                      {formatNumber(c()[tab as keyof TabCounts], language())}
                    </span>
                  )}
                </Show>
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
