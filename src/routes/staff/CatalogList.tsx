/**
 * /staff/catalog, for managers and admins: every service people can ask for
 * (and those switched off), with its version and last change; a link to
 * change each, a button to switch it on or off, and one to add a service.
 * Its own lazily loaded chunk (vite.config.ts), with the editor.
 */
import { A } from '../router';
import { For, Show, createSignal, onMount } from 'solid-js';
import { language } from '../../i18n';
import type { Result } from '../../sync/staff/api';
import { fetchDeskCatalog, switchDeskService, type ListedService } from '../../sync/staff/catalog';
import { formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { st } from './i18n';
import { problemText } from './problems';
import { StaffFrame } from './StaffFrame';

export const mayKeepCatalog = (u: { role: string }): boolean => u.role === 'manager' || u.role === 'admin';

export function changedText(at: string, by: string | null): string {
  const date = formatDateTime(at, language());
  return by ? st('catalog.changedBy', { date, name: by }) : st('catalog.seeded', { date });
}

function CatalogBody() {
  const [list, setList] = createSignal<Result<{ services: ListedService[] }>>();
  const [notice, setNotice] = createSignal('');
  const refetch = async () => setList(await fetchDeskCatalog());
  onMount(() => void refetch());
  const toggle = async (s: ListedService) => {
    const r = await switchDeskService(s.service_code, !s.active, s.version);
    if (r.ok)
      setNotice(st(r.value.active ? 'catalog.switchedOn' : 'catalog.switchedOff', { name: s.service_name }));
    else setNotice(r.reason === 'version_conflict' ? st('catalog.errors.conflict') : problemText(r.problem));
    await refetch();
  };
  const services = () => {
    const r = list();
    return r?.ok ? r.value.services : [];
  };
  return (
    <>
      <PageHeading>{st('catalog.title')}</PageHeading>
      <p class="lead">{st('catalog.intro')}</p>
      <p>
        <A class="button" href="/staff/catalog/new">
          {st('catalog.add')}
        </A>
      </p>
      <p class="staff-notice" role="status">
        {notice()}
      </p>
      <Show when={list()} fallback={<p role="status">{st('catalog.loading')}</p>}>
        {(r) => (
          <Show when={r().ok} fallback={<p class="error-message">{problemText('server')}</p>}>
            <table class="staff-table">
              <caption class="visually-hidden">{st('catalog.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{st('catalog.name')}</th>
                  <th scope="col">{st('catalog.group')}</th>
                  <th scope="col">{st('catalog.state')}</th>
                  <th scope="col">{st('catalog.version')}</th>
                  <th scope="col">{st('catalog.changed')}</th>
                  <th scope="col">{st('catalog.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={services()}>
                  {(s) => (
                    <tr>
                      <th scope="row">{s.service_name}</th>
                      <td data-label={st('catalog.group')}>{s.group}</td>
                      <td data-label={st('catalog.state')}>{st(s.active ? 'catalog.on' : 'catalog.off')}</td>
                      <td data-label={st('catalog.version')}>{s.version}</td>
                      <td data-label={st('catalog.changed')}>{changedText(s.updated_at, s.updated_by)}</td>
                      <td data-label={st('catalog.actions')}>
                        <div class="button-row">
                          <A
                            class="button button--secondary"
                            href={`/staff/catalog/${encodeURIComponent(s.service_code)}`}
                          >
                            {st('catalog.edit')}
                            <span class="visually-hidden"> {s.service_name}</span>
                          </A>
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() => void toggle(s)}
                          >
                            {st(s.active ? 'catalog.switchOff' : 'catalog.switchOn')}
                            <span class="visually-hidden"> {s.service_name}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
    </>
  );
}

export default function CatalogList() {
  return <StaffFrame allow={mayKeepCatalog}>{(u) => (u ? <CatalogBody /> : null)}</StaffFrame>;
}
