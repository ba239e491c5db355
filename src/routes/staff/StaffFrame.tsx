/**
 * The frame of every desk page: loads the desk's strings in the chosen
 * language, checks the sign-in (sending anyone signed out to the sign-in
 * page, with the way back), shows the desk's navigation and Sign out, and
 * renders the page only when all that is settled. Pages a role may not use
 * say so instead of showing controls that would be refused.
 */
import { Show, createEffect, createSignal, onMount, type JSX } from 'solid-js';
import { language } from '../../i18n';
import { A, useLocation, useNavigate } from '../router';
import { loadStaffLocale, st, staffLocaleReady } from './i18n';
import { checkSession, mayReadFigures, signOut, staffUser, type SessionState } from './session';
import { PageHeading } from '../../ui/PageHeading';
import type { StaffUser } from '../../sync/staff/schemas';
import './staff.css';

export function StaffNav(props: { user: StaffUser }) {
  const navigate = useNavigate();
  const [failed, setFailed] = createSignal(false);
  const out = async () => {
    setFailed(false);
    if (await signOut()) navigate('/staff/sign-in?signed_out=1');
    else setFailed(true);
  };
  return (
    <nav class="staff-nav" aria-label={st('frame.navLabel')}>
      <ul class="staff-nav__list">
        <li>
          <A href="/staff">{st('frame.queue')}</A>
        </li>
        <Show when={props.user.role !== 'officer'}>
          <li>
            <A href="/staff/intake">{st('frame.intake')}</A>
          </li>
        </Show>
        <li>
          <A href="/staff/templates">{st('frame.templates')}</A>
        </li>
        <Show when={mayReadFigures(props.user)}>
          <li>
            <A href="/staff/dashboard">{st('frame.dashboard')}</A>
          </li>
          <li>
            <A href="/staff/catalog">{st('frame.catalog')}</A>
          </li>
        </Show>
        <Show when={props.user.role === 'admin'}>
          <li>
            <A href="/staff/kiosks">{st('frame.kiosks')}</A>
          </li>
          <li>
            <A href="/staff/access-log">{st('frame.accessLog')}</A>
          </li>
        </Show>
      </ul>
      <p class="staff-nav__who">
        {st('frame.signedInAs', {
          name: props.user.name ?? props.user.email,
          role: st(`roles.${props.user.role}`),
        })}
      </p>
      <button type="button" class="button button--secondary" onClick={() => void out()}>
        {st('frame.signOut')}
      </button>
      <Show when={failed()}>
        <p class="error-message" role="alert">
          {st('problems.offline')}
        </p>
      </Show>
    </nav>
  );
}

export function StaffFrame(props: {
  /** false for the sign-in page itself. */
  signIn?: boolean;
  /** When set, other roles see a "not for your role" page. */
  allow?: (u: StaffUser) => boolean;
  children: (u: StaffUser | null) => JSX.Element;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const [state, setState] = createSignal<SessionState | undefined>(
    props.signIn === false ? 'signed_out' : undefined,
  );
  createEffect(() => void loadStaffLocale(language()));
  onMount(() => {
    if (props.signIn === false) return;
    void checkSession().then((s) => {
      if (s === 'signed_out') {
        const back = location.pathname + location.search;
        navigate(`/staff/sign-in?next=${encodeURIComponent(back)}`, { replace: true });
      } else setState(s);
    });
  });
  const ready = () => staffLocaleReady(language()) && state() !== undefined;
  return (
    <Show when={ready()} fallback={<p class="staff-loading">{st('frame.checking')}</p>}>
      <Show when={state() !== 'offline'} fallback={<Problem text={st('problems.offline')} />}>
        <Show when={staffUser()} keyed fallback={props.children(null)}>
          {(u) => (
            <>
              <StaffNav user={u} />
              <Show when={!props.allow || props.allow(u)} fallback={<Problem text={st('frame.noAccess')} />}>
                {props.children(u)}
              </Show>
            </>
          )}
        </Show>
      </Show>
    </Show>
  );
}

function Problem(props: { text: string }) {
  return (
    <>
      <PageHeading>{st('frame.problemTitle')}</PageHeading>
      <p>{props.text}</p>
      <p>
        <A href="/staff">{st('frame.backToQueue')}</A>
      </p>
    </>
  );
}
