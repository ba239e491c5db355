/**
 * /staff/catalog/:code (and /staff/catalog/new), for managers and admins:
 * the editor of one service (catalog/ServiceEditor.tsx) and its versions,
 * newest first, with who saved each and when. A save shows the new version;
 * a new service opens at its own address once added.
 */
import { A, useNavigate, useParams } from '../router';
import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import type { Service } from '../../core/catalog';
import { fetchDeskService } from '../../sync/staff/catalog';
import { PageHeading } from '../../ui/PageHeading';
import { draftOf, emptyDraft } from './catalog/draft';
import { ServiceEditor } from './catalog/ServiceEditor';
import { changedText, mayKeepCatalog } from './CatalogList';
import { st } from './i18n';
import { problemText } from './problems';
import { StaffFrame } from './StaffFrame';

function EditBody() {
  const params = useParams<{ code: string }>();
  const navigate = useNavigate();
  const isNew = () => params.code === 'new';
  const [saved, setSaved] = createSignal('');
  const [one, { refetch }] = createResource(
    () => (isNew() ? undefined : params.code),
    (code) => fetchDeskService(code),
  );
  const done = (s: Service) => {
    setSaved(st('catalog.saved', { version: s.version ?? 1 }));
    if (isNew()) navigate(`/staff/catalog/${encodeURIComponent(s.service_code)}`);
    else void refetch();
  };
  return (
    <>
      <A class="back-link" href="/staff/catalog">
        {st('catalog.backToList')}
      </A>
      <p class="staff-notice" role="status">
        {saved()}
      </p>
      <Switch>
        <Match when={isNew()}>
          <PageHeading>{st('catalog.newTitle')}</PageHeading>
          <ServiceEditor initial={emptyDraft()} base={null} onSaved={done} />
        </Match>
        <Match when={one.loading && !one.latest}>
          <p role="status">{st('catalog.loading')}</p>
        </Match>
        <Match when={one.latest}>
          {(r) => (
            <Show
              when={r().ok ? r() : undefined}
              fallback={<p class="error-message">{problemText(r().ok ? 'server' : 'not_found')}</p>}
            >
              {(ok) => {
                const v = () => {
                  const x = ok();
                  if (!x.ok) throw new Error('unreachable');
                  return x.value;
                };
                return (
                  <>
                    <PageHeading>{st('catalog.editTitle', { name: v().service.service_name })}</PageHeading>
                    <p>
                      {st('catalog.versionNow', { version: v().service.version ?? 1 })}{' '}
                      {st(v().active ? 'catalog.on' : 'catalog.off')}
                    </p>
                    <p>
                      <A href="/staff/templates">{st('catalog.templates')}</A>
                    </p>
                    <Show when={v().service.version} keyed>
                      <ServiceEditor
                        initial={draftOf(v().service)}
                        base={v().service.version ?? 1}
                        onSaved={done}
                      />
                    </Show>
                    <h2 class="heading-m">{st('catalog.history')}</h2>
                    <ol class="catalog-history">
                      <For each={v().versions}>
                        {(h) => (
                          <li>
                            {st('catalog.historyItem', { version: h.version })}{' '}
                            {changedText(h.created_at, h.created_by)}
                            <Show when={!h.active}> {st('catalog.historyOff')}</Show>
                          </li>
                        )}
                      </For>
                    </ol>
                  </>
                );
              }}
            </Show>
          )}
        </Match>
      </Switch>
    </>
  );
}

export default function CatalogEdit() {
  return <StaffFrame allow={mayKeepCatalog}>{(u) => (u ? <EditBody /> : null)}</StaffFrame>;
}
