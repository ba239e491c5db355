/**
 * /staff/dashboard: the managers' figures (managers and admins; others are
 * told the page is not for their role). The period, service or group and
 * segment are chosen in the address; every figure comes from
 * GET /api/staff/dashboard with its 12-month trend, as a sentence, a small
 * SVG chart and data tables with a CSV download each.
 */
import { For, Show, createMemo, createResource } from 'solid-js';
import { language } from '../../i18n';
import { fetchDashboard, type Dashboard as Data } from '../../sync/staff/dashboard';
import { PageHeading } from '../../ui/PageHeading';
import { useSearchParams } from '../router';
import { FalloffChart } from './dashboard/FalloffChart';
import { Figure } from './dashboard/Figure';
import { DashboardFilters } from './dashboard/Filters';
import { backlogFigure, requestsFigure, timingFigure, type Names } from './dashboard/flow';
import { dayName, decimal, whole } from './dashboard/format';
import { falloffFigure, mattersFigure, segmentsFigure } from './dashboard/insight';
import { draftsFigure, minutesFigure, satisfactionFigure } from './dashboard/people';
import { readView, viewQuery, type View } from './dashboard/state';
import { st } from './i18n';
import { problemText } from './problems';
import { mayReadFigures } from './session';
import { groupsOf, serviceIn, useCatalog } from './shared/catalog';
import { StaffFrame } from './StaffFrame';
import type { Catalog } from '../../core/catalog';

function names(d: Data, catalog: Catalog | undefined): Names {
  const groups = groupsOf(catalog, language());
  // `to` is exclusive: the period's last day is the day before.
  const last = new Date(Date.parse(`${d.period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return {
    service: (code) => serviceIn(catalog, code, language())?.service_name ?? code,
    group: (code) => groups.find((g) => g.code === code)?.name ?? code,
    period: st('dashboard.periodText', { from: dayName(d.period.from), to: dayName(last) }),
  };
}

function Figures(props: { data: Data; view: View; catalog: Catalog | undefined }) {
  const n = () => names(props.data, props.catalog);
  const falloff = () => falloffFigure(props.data, n());
  return (
    <>
      <p class="lead" role="status">
        {st('dashboard.showing', { period: n().period })}
      </p>
      <Figure figure={requestsFigure(props.data, n())} />
      <Figure figure={timingFigure(props.data, n())} />
      <Figure figure={backlogFigure(props.data)} />
      <Figure figure={satisfactionFigure(props.data, n())} />
      <Figure figure={segmentsFigure(props.data, props.view.segment, n())} />
      <Figure figure={mattersFigure(props.data)} />
      <Figure figure={falloff()}>
        <For
          each={props.data.satisfaction_by_days.filter((s) =>
            s.buckets.some((b) => b.answers >= props.data.min_n),
          )}
        >
          {(s) => (
            <>
              <p id={`falloff-${s.service_code}`}>
                {st('dashboard.falloff.chart', {
                  service: n().service(s.service_code),
                  level: whole(s.level_days),
                  days: s.falloff_days === null ? st('dashboard.falloff.noPoint') : whole(s.falloff_days),
                  before: s.before === null ? '–' : decimal(s.before),
                })}
              </p>
              <FalloffChart
                buckets={s.buckets.map((b) => ({
                  days: b.days,
                  average: b.answers >= props.data.min_n ? b.average : null,
                }))}
                falloff={s.falloff_days}
                level={s.level_days}
                summaryId={`falloff-${s.service_code}`}
              />
            </>
          )}
        </For>
      </Figure>
      <Figure figure={draftsFigure(props.data, n())} />
      <Figure figure={minutesFigure(props.data, n())} />
    </>
  );
}

function DashboardBody() {
  const [search] = useSearchParams();
  const view = createMemo(() => readView(search));
  const catalog = useCatalog();
  const [data] = createResource(view, (v) => fetchDashboard(viewQuery(v)));
  return (
    <>
      <PageHeading>{st('dashboard.title')}</PageHeading>
      <p class="lead">{st('dashboard.intro')}</p>
      <Show when={view()} keyed>
        {(v) => <DashboardFilters view={v} catalog={catalog()} />}
      </Show>
      {/* Keyed: each answer (a new period or service) draws the figures again;
          read once inside an unkeyed Show, they stayed those of the first answer. */}
      <Show when={data()} keyed fallback={<p role="status">{st('dashboard.loading')}</p>}>
        {(result) => {
          return result.ok ? (
            <Figures data={result.value} view={view()} catalog={catalog()} />
          ) : (
            <p class="error-message" role="alert">
              {problemText(result.problem)}
            </p>
          );
        }}
      </Show>
    </>
  );
}

export default function Dashboard() {
  return <StaffFrame allow={mayReadFigures}>{() => <DashboardBody />}</StaffFrame>;
}
