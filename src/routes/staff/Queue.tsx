/**
 * /staff: the work queue. Tabs (new, overdue, due soon, mine, unassigned,
 * all) with counts, filters, the list sorted by due date by default, paging,
 * and bulk actions on the selected requests. Everything it shows comes from
 * the server on each visit; the address holds the view (queue/state.ts).
 */
import { Show, createMemo, createResource, createSignal } from 'solid-js';
import { language } from '../../i18n';
import { fetchCounts, fetchQueue } from '../../sync/staff/api';
import { formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useSearchParams } from '../router';
import { st } from './i18n';
import { problemText } from './problems';
import { BulkPanel } from './queue/BulkPanel';
import { QueueFilters } from './queue/Filters';
import { QueueTable } from './queue/QueueTable';
import { QueueTabs } from './queue/Tabs';
import {
  PER_PAGE,
  listQuery,
  narrowing,
  queueHref,
  readFilters,
  readPage,
  readTab,
  type Filters,
  type Tab,
} from './queue/state';
import { useCatalog, useStaffList } from './shared/catalog';
import { useTemplates } from './shared/templates';
import { createFocusTimer } from './shared/timer';
import { StaffFrame } from './StaffFrame';

function QueueBody() {
  const [search] = useSearchParams();
  const tab = () => readTab(search);
  const filters = createMemo(() => readFilters(search));
  const page = () => readPage(search);
  const catalog = useCatalog();
  const staff = useStaffList();
  const templates = useTemplates();
  const timer = createFocusTimer();
  const key = () => queueHref(tab(), filters(), page());
  const [list, { refetch: refetchList }] = createResource(key, () =>
    fetchQueue(listQuery(tab(), filters(), page())),
  );
  const [counts, { refetch: refetchCounts }] = createResource(key, () => fetchCounts(narrowing(filters())));
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const loaded = () => {
    const r = list();
    return r?.ok ? r.value : undefined;
  };
  const problem = () => {
    const r = list();
    return r && !r.ok ? r.problem : undefined;
  };
  const tabCounts = () => {
    const c = counts();
    return c?.ok ? c.value : undefined;
  };
  const items = () => loaded()?.items ?? [];
  const pages = () => Math.max(1, Math.ceil((loaded()?.total ?? 0) / PER_PAGE));
  const select = (tracking: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(tracking);
      else next.delete(tracking);
      return next;
    });
  const chosen = () => items().filter((i) => selected().has(i.tracking));

  return (
    <>
      <PageHeading>{st('queue.title')}</PageHeading>
      <QueueTabs tab={tab()} filters={filters()} counts={tabCounts()} />
      <details class="queue-filters__box" open={Object.keys(filters()).length > 0}>
        <summary>{st('queue.filtersTitle')}</summary>
        <QueueFilters tab={tab()} filters={filters()} catalog={catalog()} staff={staff() ?? []} />
      </details>
      <h2 class="heading-m">{st(`queue.tabs.${tab()}`)}</h2>
      <Show when={list()} fallback={<p role="status">{st('queue.loading')}</p>}>
        <Show when={problem()}>
          {(p) => (
            <p class="error-message" role="alert">
              {problemText(p())}
            </p>
          )}
        </Show>
        <Show when={loaded()}>
          {(l) => (
            <>
              <p role="status">{st('queue.results', { count: l().total })}</p>
              <Show when={items().length > 0} fallback={<p>{st('queue.none')}</p>}>
                <QueueTable
                  items={items()}
                  catalog={catalog()}
                  staff={staff() ?? []}
                  selected={selected()}
                  onSelect={select}
                  onSelectAll={(on) => setSelected(new Set(on ? items().map((i) => i.tracking) : []))}
                />
                <Pager tab={tab()} filters={filters()} page={page()} pages={pages()} />
              </Show>
            </>
          )}
        </Show>
      </Show>
      <BulkPanel
        items={chosen()}
        staff={staff() ?? []}
        templates={templates()}
        timer={timer}
        onDone={() => {
          setSelected(new Set<string>());
          void refetchList();
          void refetchCounts();
        }}
      />
    </>
  );
}

function Pager(props: { tab: Tab; filters: Filters; page: number; pages: number }) {
  const n = (x: number) => formatNumber(x, language());
  return (
    <Show when={props.pages > 1}>
      <nav class="pager" aria-label={st('queue.pages')}>
        <Show when={props.page > 1}>
          <a class="button button--secondary" href={queueHref(props.tab, props.filters, props.page - 1)}>
            {st('queue.previous')}
          </a>
        </Show>
        <span>{st('queue.pageOf', { page: n(props.page), pages: n(props.pages) })}</span>
        <Show when={props.page < props.pages}>
          <a class="button button--secondary" href={queueHref(props.tab, props.filters, props.page + 1)}>
            {st('queue.next')}
          </a>
        </Show>
      </nav>
    </Show>
  );
}

export default function Queue() {
  return <StaffFrame>{(u) => (u ? <QueueBody /> : null)}</StaffFrame>;
}
