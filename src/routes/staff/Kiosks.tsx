/**
 * /staff/kiosks, for admins: the kiosks at service centres. Register one
 * (its one-time enrolment link and QR code are shown once), change its
 * settings, make a new link, revoke it after a confirmation. Other roles get
 * the frame's "not for your role" page; the server refuses them too.
 */
import { Match, Show, Switch, createSignal, onMount } from 'solid-js';
import type { Result } from '../../sync/staff/api';
import { fetchKiosks, newKioskLink, type EnrolLink, type ListedKiosk } from '../../sync/staff/kiosks';
import { PageHeading } from '../../ui/PageHeading';
import { st } from './i18n';
import { EnrolLinkPanel } from './kiosks/EnrolLinkPanel';
import { KioskForm } from './kiosks/KioskForm';
import { KioskTable } from './kiosks/KioskTable';
import { RevokeConfirm } from './kiosks/RevokeConfirm';
import { problemText } from './problems';
import { useCatalog } from './shared/catalog';
import { StaffFrame } from './StaffFrame';

/** What the page shows above the list: nothing, a form, a link made just now, or the revoke question. */
type Panel =
  | { kind: 'form'; editing?: ListedKiosk }
  | { kind: 'link'; name: string; link: EnrolLink }
  | { kind: 'revoke'; kiosk: ListedKiosk };

function KiosksBody() {
  const catalog = useCatalog();
  // A plain signal, not a resource: a resource's refetch would suspend the page, and the
  // link or question just shown would lose focus while the list reloads.
  const [list, setList] = createSignal<Result<{ kiosks: ListedKiosk[] }>>();
  const refetch = async () => setList(await fetchKiosks());
  onMount(() => void refetch());
  const [panel, setPanel] = createSignal<Panel>();
  const [notice, setNotice] = createSignal('');
  const done = (text: string, next?: Panel) => {
    setNotice(text);
    setPanel(next);
    void refetch();
  };
  const renew = async (k: ListedKiosk) => {
    const r = await newKioskLink(k.id);
    if (r.ok) done(st('kiosks.linkMade', { name: k.name }), { kind: 'link', name: k.name, link: r.value });
    else setNotice(r.reason === 'kiosk_revoked' ? st('kiosks.errors.revoked') : problemText(r.problem));
  };
  const of = <K extends Panel['kind']>(kind: K) => {
    const p = panel();
    return p?.kind === kind ? (p as Extract<Panel, { kind: K }>) : undefined;
  };
  return (
    <>
      <PageHeading>{st('kiosks.title')}</PageHeading>
      <p class="lead">{st('kiosks.intro')}</p>
      <p class="staff-notice" role="status">
        {notice()}
      </p>
      <Switch
        fallback={
          <button type="button" class="button" onClick={() => setPanel({ kind: 'form' })}>
            {st('kiosks.add')}
          </button>
        }
      >
        <Match when={of('form')} keyed>
          {(p) => (
            <KioskForm
              catalog={catalog()}
              editing={p.editing}
              onSaved={(k, link) =>
                done(
                  st(link ? 'kiosks.added' : 'kiosks.saved', { name: k.name }),
                  link ? { kind: 'link', name: k.name, link } : undefined,
                )
              }
              onCancel={() => setPanel(undefined)}
            />
          )}
        </Match>
        <Match when={of('link')} keyed>
          {(p) => <EnrolLinkPanel name={p.name} link={p.link} onClose={() => setPanel(undefined)} />}
        </Match>
        <Match when={of('revoke')} keyed>
          {(p) => (
            <RevokeConfirm
              kiosk={p.kiosk}
              onDone={(k) => done(st('kiosks.revoked', { name: k.name }))}
              onCancel={() => setPanel(undefined)}
            />
          )}
        </Match>
      </Switch>
      <Show when={list()} fallback={<p role="status">{st('kiosks.loading')}</p>}>
        {(r) => (
          <Show
            when={r().ok ? r() : undefined}
            fallback={<p class="error-message">{problemText('server')}</p>}
          >
            {(ok) => {
              const kiosks = () => {
                const v = ok();
                return v.ok ? v.value.kiosks : [];
              };
              return (
                <Show when={kiosks().length > 0} fallback={<p>{st('kiosks.none')}</p>}>
                  <KioskTable
                    kiosks={kiosks()}
                    onEdit={(k) => setPanel({ kind: 'form', editing: k })}
                    onLink={(k) => void renew(k)}
                    onRevoke={(k) => setPanel({ kind: 'revoke', kiosk: k })}
                  />
                </Show>
              );
            }}
          </Show>
        )}
      </Show>
    </>
  );
}

export default function Kiosks() {
  return <StaffFrame allow={(u) => u.role === 'admin'}>{(u) => (u ? <KiosksBody /> : null)}</StaffFrame>;
}
