/**
 * The queue's filters: tracking number search, service, group, channel,
 * status, assignee, citizen language and sort. Applying them changes the
 * address (state.ts), which reloads the list and the counts.
 */
import { createSignal } from 'solid-js';
import { LANGUAGES } from '../../../core/lang';
import { CHANNELS, STATUSES } from '../../../core/status';
import { language } from '../../../i18n';
import { TextField } from '../../../ui/Field';
import { statusName } from '../../../ui/StatusBadge';
import type { Catalog } from '../../../core/catalog';
import type { StaffUser } from '../../../sync/staff/schemas';
import { useNavigate } from '../../router';
import { st } from '../i18n';
import { groupsOf, serviceIn } from '../shared/catalog';
import { SelectField, type SelectOption } from '../shared/SelectField';
import { queueHref, type Filter, type Filters, type Tab } from './state';

const SORTS = ['due', '-due', 'submitted', '-submitted'] as const;

export function QueueFilters(props: {
  tab: Tab;
  filters: Filters;
  catalog: Catalog | undefined;
  staff: readonly StaffUser[];
}) {
  const navigate = useNavigate();
  // A copy to edit; the list changes only when the filters are applied.
  const [draft, setDraft] = createSignal<Filters>({ ...props.filters });
  const set = (k: Filter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const select = (id: Filter, label: string, options: () => SelectOption[]) => (
    <SelectField
      id={`filter-${id}`}
      label={label}
      value={draft()[id] ?? ''}
      options={[{ value: '', label: st('queue.any') }, ...options()]}
      onChange={set(id)}
    />
  );
  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    navigate(queueHref(props.tab, draft()));
  };
  return (
    <form class="queue-filters" role="search" aria-label={st('queue.filtersTitle')} onSubmit={apply}>
      <TextField
        id="filter-q"
        label={st('queue.search')}
        hint={st('queue.searchHint')}
        type="search"
        dir="ltr"
        width="medium"
        spellcheck={false}
        value={draft().q ?? ''}
        onInput={set('q')}
      />
      <div class="queue-filters__grid">
        {select('service', st('queue.service'), () =>
          (props.catalog?.services ?? []).map((s) => ({
            value: s.service_code,
            label: serviceIn(props.catalog, s.service_code, language())?.service_name ?? s.service_code,
          })),
        )}
        {select('group', st('queue.group'), () =>
          groupsOf(props.catalog, language()).map((g) => ({ value: g.code, label: g.name })),
        )}
        {select('channel', st('queue.channel'), () =>
          CHANNELS.map((c) => ({ value: c, label: st(`channels.${c}`) })),
        )}
        {select('status', st('queue.status'), () =>
          STATUSES.map((s) => ({ value: s, label: statusName(s) })),
        )}
        {select('assigned', st('queue.assignee'), () => [
          { value: 'me', label: st('queue.me') },
          { value: 'none', label: st('queue.nobody') },
          ...props.staff.map((u) => ({ value: u.id, label: u.name ?? u.email })),
        ])}
        {select('language', st('queue.language'), () =>
          LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName })),
        )}
        <SelectField
          id="filter-sort"
          label={st('queue.sort')}
          value={draft().sort ?? 'due'}
          options={SORTS.map((s) => ({ value: s, label: st(`queue.sorts.${s}`) }))}
          onChange={set('sort')}
        />
      </div>
      <div class="button-row">
        <button type="submit" class="button">
          {st('queue.apply')}
        </button>
        <a class="button button--secondary" href={queueHref(props.tab, {})}>
          {st('queue.clear')}
        </a>
      </div>
    </form>
  );
}
