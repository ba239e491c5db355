/**
 * /staff/access-log, for admins: who was shown a person's contact details,
 * when, and for which request (the staff request page, or an officer's
 * download of their work), newest first, a page at a time. Other roles get
 * the frame's "not for your role" page; the server refuses them too.
 */
import { For, Show, createResource, createSignal } from 'solid-js';
import { language } from '../../i18n';
import { ACCESS_LOG_PER_PAGE, fetchAccessLog, type AccessPage } from '../../sync/staff/access-log';
import type { Problem, Result } from '../../sync/staff/http';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { A } from '../router';
import { st } from './i18n';
import { problemText } from './problems';
import { StaffFrame } from './StaffFrame';

const problemOf = (r: Result<AccessPage>): Problem => (r.ok ? 'server' : r.problem);

/** An address may wrap before its "@" on a narrow screen, never inside a word. */
function Email(props: { address: string }) {
  const at = () => props.address.lastIndexOf('@');
  return (
    <span dir="ltr">
      {props.address.slice(0, at())}
      <wbr />
      {props.address.slice(at())}
    </span>
  );
}

function LogTable(props: { page: AccessPage }) {
  return (
    <table class="staff-table">
      <caption>{st('accessLog.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{st('accessLog.when')}</th>
          <th scope="col">{st('accessLog.who')}</th>
          <th scope="col">{st('accessLog.request')}</th>
          <th scope="col">{st('accessLog.where')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.page.items}>
          {(e) => (
            <tr>
              <th scope="row">{formatDateTime(e.at, language())}</th>
              <td data-label={st('accessLog.who')}>
                <Show when={e.viewer.name}>
                  {(name) => (
                    <>
                      {name()}
                      <br />
                    </>
                  )}
                </Show>
                <Email address={e.viewer.email} />
              </td>
              <td data-label={st('accessLog.request')}>
                <A href={`/staff/requests/${e.tracking}`}>
                  <span dir="ltr">{e.tracking}</span>
                </A>
              </td>
              <td data-label={st('accessLog.where')}>{st(`accessLog.via.${e.via}`)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

function AccessLogBody() {
  const [page, setPage] = createSignal(1);
  const [log] = createResource(page, fetchAccessLog);
  const range = (p: AccessPage) =>
    st('accessLog.range', {
      from: formatNumber((p.page - 1) * p.per_page + 1, language()),
      to: formatNumber((p.page - 1) * p.per_page + p.items.length, language()),
      total: formatNumber(p.total, language()),
    });
  return (
    <>
      <PageHeading>{st('accessLog.title')}</PageHeading>
      <p class="lead">{st('accessLog.intro')}</p>
      <Show when={log()} fallback={<p role="status">{st('accessLog.loading')}</p>}>
        {(r) => {
          const ok = () => {
            const v = r();
            return v.ok ? v.value : undefined;
          };
          return (
            <Show when={ok()} fallback={<p class="error-message">{problemText(problemOf(r()))}</p>}>
              {(p) => (
                <Show when={p().items.length > 0} fallback={<p>{st('accessLog.none')}</p>}>
                  <LogTable page={p()} />
                  <p role="status">{range(p())}</p>
                  <div class="pager">
                    <Show when={p().page > 1}>
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => setPage(page() - 1)}
                      >
                        {st('accessLog.previous')}
                      </button>
                    </Show>
                    <Show when={p().page * ACCESS_LOG_PER_PAGE < p().total}>
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => setPage(page() + 1)}
                      >
                        {st('accessLog.next')}
                      </button>
                    </Show>
                  </div>
                </Show>
              )}
            </Show>
          );
        }}
      </Show>
    </>
  );
}

export default function AccessLog() {
  return <StaffFrame allow={(u) => u.role === 'admin'}>{(u) => (u ? <AccessLogBody /> : null)}</StaffFrame>;
}
