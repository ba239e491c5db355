/**
 * /staff/templates: the public messages managers keep, per status and
 * service, in every language of the catalog. Everyone at the desk sees the
 * list (they pick from it); managers and admins add, change and delete.
 */
import { For, Show, createResource, createSignal } from 'solid-js';
import { LANGUAGES } from '../../core/lang';
import { language } from '../../i18n';
import { deleteTemplate, fetchTemplates, type Result } from '../../sync/staff/api';
import type { ResponseTemplate, StaffUser, TemplateList } from '../../sync/staff/schemas';
import { PageHeading } from '../../ui/PageHeading';
import { statusName } from '../../ui/StatusBadge';
import { st } from './i18n';
import { problemText } from './problems';
import { mayKeepTemplates } from './session';
import { serviceIn, useCatalog } from './shared/catalog';
import { StaffFrame } from './StaffFrame';
import { TemplateForm } from './templates/TemplateForm';

const loaded = (r: Result<TemplateList>) => (r.ok ? r.value : undefined);

function TemplatesBody(props: { user: StaffUser }) {
  const catalog = useCatalog();
  const [list, { refetch }] = createResource(fetchTemplates);
  const [editing, setEditing] = createSignal<ResponseTemplate | 'new'>();
  const [notice, setNotice] = createSignal('');
  const keeper = () => mayKeepTemplates(props.user);
  const remove = async (t: ResponseTemplate) => {
    const r = await deleteTemplate(t.id);
    setNotice(r.ok ? st('templates.deleted', { name: t.name }) : problemText(r.problem));
    void refetch();
  };
  return (
    <>
      <PageHeading>{st('templates.title')}</PageHeading>
      <p class="lead">{keeper() ? st('templates.introKeeper') : st('templates.intro')}</p>
      <p class="staff-notice" role="status">
        {notice()}
      </p>
      <Show when={list()} fallback={<p role="status">{st('templates.loading')}</p>}>
        {(r) => (
          <Show when={loaded(r())} fallback={<p class="error-message">{problemText('server')}</p>}>
            {(l) => (
              <>
                <Show when={editing()}>
                  {(ed) => (
                    <TemplateForm
                      list={l()}
                      catalog={catalog()}
                      editing={ed() === 'new' ? undefined : (ed() as ResponseTemplate)}
                      onSaved={(t) => {
                        setEditing(undefined);
                        setNotice(st('templates.saved', { name: t.name }));
                        void refetch();
                      }}
                      onCancel={() => setEditing(undefined)}
                    />
                  )}
                </Show>
                <Show when={keeper() && !editing()}>
                  <button type="button" class="button" onClick={() => setEditing('new')}>
                    {st('templates.add')}
                  </button>
                </Show>
                <Show when={l().templates.length > 0} fallback={<p>{st('templates.none')}</p>}>
                  <table class="staff-table">
                    <caption class="visually-hidden">{st('templates.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{st('templates.name')}</th>
                        <th scope="col">{st('templates.status')}</th>
                        <th scope="col">{st('templates.service')}</th>
                        <th scope="col">{st('templates.languages')}</th>
                        <Show when={keeper()}>
                          <th scope="col">{st('templates.actions')}</th>
                        </Show>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={l().templates}>
                        {(t) => (
                          <tr>
                            <th scope="row">{t.name}</th>
                            <td data-label={st('templates.status')}>{statusName(t.status)}</td>
                            <td data-label={st('templates.service')}>
                              {t.service_code
                                ? (serviceIn(catalog(), t.service_code, language())?.service_name ??
                                  t.service_code)
                                : st('templates.anyService')}
                            </td>
                            <td data-label={st('templates.languages')}>
                              {Object.keys(t.texts)
                                .map((c) => LANGUAGES.find((x) => x.code === c)?.nativeName ?? c)
                                .join(', ')}
                            </td>
                            <Show when={keeper()}>
                              <td data-label={st('templates.actions')}>
                                <div class="button-row">
                                  <button
                                    type="button"
                                    class="button button--secondary"
                                    onClick={() => setEditing(t)}
                                  >
                                    {st('templates.edit')}
                                    <span class="visually-hidden"> {t.name}</span>
                                  </button>
                                  <button
                                    type="button"
                                    class="button button--warning"
                                    onClick={() => void remove(t)}
                                  >
                                    {st('templates.delete')}
                                    <span class="visually-hidden"> {t.name}</span>
                                  </button>
                                </div>
                              </td>
                            </Show>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
              </>
            )}
          </Show>
        )}
      </Show>
    </>
  );
}

export default function Templates() {
  return <StaffFrame>{(u) => (u ? <TemplatesBody user={u} /> : null)}</StaffFrame>;
}
