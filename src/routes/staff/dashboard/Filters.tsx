/**
 * The dashboard's choices: period, service, group and the segment figures are
 * split by. Applying them changes the address (state.ts), which reloads the
 * figures; nothing changes while the person is still choosing.
 */
import { createSignal } from 'solid-js';
import type { Catalog } from '../../../core/catalog';
import { language } from '../../../i18n';
import { SEGMENTS } from '../../../sync/staff/dashboard';
import { useNavigate } from '../../router';
import { st } from '../i18n';
import { groupsOf, serviceIn } from '../shared/catalog';
import { SelectField } from '../shared/SelectField';
import { PERIODS, viewHref, type Period, type View } from './state';

export function DashboardFilters(props: { view: View; catalog: Catalog | undefined }) {
  const navigate = useNavigate();
  const [draft, setDraft] = createSignal<View>({ ...props.view });
  const set = (k: keyof View) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    navigate(viewHref(draft()));
  };
  return (
    <form class="dash-filters" aria-label={st('dashboard.filtersTitle')} onSubmit={apply}>
      <div class="queue-filters__grid">
        <SelectField
          id="dash-period"
          label={st('dashboard.period')}
          value={draft().period}
          options={PERIODS.map((p: Period) => ({ value: p, label: st(`dashboard.periods.${p}`) }))}
          onChange={set('period')}
        />
        <SelectField
          id="dash-service"
          label={st('dashboard.service')}
          value={draft().service}
          options={[
            { value: '', label: st('dashboard.allServices') },
            ...(props.catalog?.services ?? []).map((s) => ({
              value: s.service_code,
              label: serviceIn(props.catalog, s.service_code, language())?.service_name ?? s.service_code,
            })),
          ]}
          onChange={set('service')}
        />
        <SelectField
          id="dash-group"
          label={st('dashboard.group')}
          value={draft().group}
          options={[
            { value: '', label: st('dashboard.allGroups') },
            ...groupsOf(props.catalog, language()).map((g) => ({ value: g.code, label: g.name })),
          ]}
          onChange={set('group')}
        />
        <SelectField
          id="dash-segment"
          label={st('dashboard.segment')}
          value={draft().segment}
          options={SEGMENTS.map((s) => ({ value: s, label: st(`dashboard.segments.${s}`) }))}
          onChange={set('segment')}
        />
      </div>
      <button type="submit" class="button">
        {st('dashboard.apply')}
      </button>
    </form>
  );
}
