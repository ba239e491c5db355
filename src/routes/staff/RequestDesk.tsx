/**
 * /staff/requests/:tracking: one request in full (summary, answers,
 * location, photos, contact, history) and what staff can do with it. The
 * page's timer counts the minutes it is open and in front; each action
 * records them. After an action the page shows the server's new state and
 * says what happened.
 */
import { Show, createResource, createSignal } from 'solid-js';
import { language } from '../../i18n';
import { fetchRequest } from '../../sync/staff/api';
import type { RequestDetail, StaffUser } from '../../sync/staff/schemas';
import { formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { A, useParams } from '../router';
import { st } from './i18n';
import { problemText } from './problems';
import { Answers } from './request/Answers';
import { History } from './request/History';
import { AcknowledgeForm, DuplicateForm, ReopenForm, StatusForm } from './request/StatusForms';
import { RequestSummary } from './request/Summary';
import { AssignForm, NoteForm } from './request/WorkForms';
import { mayTriage } from './session';
import { serviceIn, useCatalog, useStaffList } from './shared/catalog';
import { useTemplates } from './shared/templates';
import { createFocusTimer } from './shared/timer';
import { StaffFrame } from './StaffFrame';

function Desk(props: { user: StaffUser; request: RequestDetail; onChange: (r: RequestDetail) => void }) {
  const catalog = useCatalog();
  const staff = useStaffList();
  const templates = useTemplates();
  const timer = createFocusTimer();
  const [notice, setNotice] = createSignal<string>();
  const service = () => serviceIn(catalog(), props.request.service_code, language());
  const common = {
    get request() {
      return props.request;
    },
    get templates() {
      return templates();
    },
    timer,
    onDone: (r: RequestDetail, text: string) => {
      props.onChange(r);
      setNotice(text);
    },
  };
  return (
    <>
      <PageHeading>
        {st('request.title')} <span dir="ltr">{props.request.tracking}</span>
      </PageHeading>
      <p class="staff-notice" role="status">
        {notice() ?? ''}
      </p>
      <RequestSummary request={props.request} service={service()} />
      <Answers request={props.request} service={service()} />
      <section class="section" aria-labelledby="actions-title">
        <h2 id="actions-title" class="heading-m">
          {st('actions.title')}
        </h2>
        <p class="hint" aria-live="off">
          {st('actions.timer', { minutes: formatNumber(timer.minutes(), language(), 1) })}
        </p>
        <Show when={mayTriage(props.user) && props.request.status === 'submitted'}>
          <AcknowledgeForm {...common} />
        </Show>
        <Show when={mayTriage(props.user)}>
          <AssignForm {...common} staff={staff() ?? []} />
        </Show>
        <StatusForm {...common} />
        <ReopenForm {...common} />
        <NoteForm {...common} />
        <Show when={mayTriage(props.user)}>
          <DuplicateForm {...common} />
        </Show>
      </section>
      <History events={props.request.events} staff={staff() ?? []} />
    </>
  );
}

function RequestBody(props: { user: StaffUser }) {
  const params = useParams<{ tracking: string }>();
  const [result, { mutate }] = createResource(() => params.tracking, fetchRequest);
  return (
    <Show when={result()} fallback={<p role="status">{st('request.loading')}</p>}>
      {(r) => {
        const value = () => {
          const x = r();
          return x.ok ? x.value : undefined;
        };
        const problem = () => {
          const x = r();
          return x.ok ? undefined : x.problem;
        };
        return (
          <Show
            when={value()}
            keyed={false}
            fallback={
              <>
                <PageHeading>
                  {problem() === 'not_found' ? st('request.notFoundTitle') : st('frame.problemTitle')}
                </PageHeading>
                <p>
                  {problem() === 'not_found'
                    ? st('request.notFoundBody')
                    : problemText(problem() ?? 'server')}
                </p>
                <p>
                  <A href="/staff">{st('frame.backToQueue')}</A>
                </p>
              </>
            }
          >
            {(v) => <Desk user={props.user} request={v()} onChange={(d) => mutate({ ok: true, value: d })} />}
          </Show>
        );
      }}
    </Show>
  );
}

export default function RequestDeskPage() {
  return <StaffFrame>{(u) => (u ? <RequestBody user={u} /> : null)}</StaffFrame>;
}
