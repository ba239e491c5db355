/**
 * The officer's day at a glance: who is signed in and until when, what waits
 * to be sent, the way to the visit form, the caseload and the sync summary,
 * and signing out (which warns, and refuses unless confirmed, while work is
 * unsent).
 */
import { Show, createSignal } from 'solid-js';
import { liveOutbox } from '../../db/officer/outbox';
import { language } from '../../i18n';
import { CheckboxField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { useNavigate } from '../router';
import { ot } from './i18n';
import { officerSession, officerSignOut } from './session';
import { Frame } from './Frame';

function SignOut(props: { waiting: number }) {
  const navigate = useNavigate();
  const [confirmed, setConfirmed] = createSignal(false);
  const [problem, setProblem] = createSignal(false);
  const signOut = async () => {
    if (props.waiting > 0 && !confirmed()) {
      setProblem(true);
      document.getElementById('officer-signout-confirm')?.focus();
      return;
    }
    await officerSignOut();
    navigate('/officer/sign-in', { replace: true });
  };
  return (
    <section class="section" aria-labelledby="officer-signout-title">
      <h2 id="officer-signout-title" class="heading-m">
        {ot('signOut.title')}
      </h2>
      <p>{ot('signOut.intro')}</p>
      <Show when={props.waiting > 0}>
        <div class="field" classList={{ 'field--error': problem() }}>
          <p class="warning-text" id="officer-signout-warning">
            {ot('signOut.unsent', { count: props.waiting })}
          </p>
          <Show when={problem()}>
            <p class="error-message" role="alert">
              {ot('signOut.mustConfirm')}
            </p>
          </Show>
          <CheckboxField
            id="officer-signout-confirm"
            label={ot('signOut.confirm')}
            checked={confirmed()}
            onChange={setConfirmed}
          />
        </div>
      </Show>
      <button type="button" class="button button--warning" onClick={() => void signOut()}>
        {ot('signOut.button')}
      </button>
    </section>
  );
}

function Today() {
  const outbox = createLive(liveOutbox());
  const waiting = () => valueOr(outbox(), []).filter((e) => e.state === 'waiting').length;
  return (
    <>
      <PageHeading>{ot('home.title')}</PageHeading>
      <Show when={officerSession()}>
        {(s) => (
          <p>
            {ot('home.signedIn', {
              name: s().user.name ?? s().user.email,
              time: formatDateTime(s().expires_at, language()),
            })}
          </p>
        )}
      </Show>
      <p>{ot('home.waiting', { count: waiting() })}</p>
      <div class="button-row">
        <a class="button button--start" href="/officer/visit">
          {ot('nav.visit')}
        </a>
        <a class="button button--secondary" href="/officer/work">
          {ot('nav.work')}
        </a>
        <a class="button button--secondary" href="/officer/sync">
          {ot('nav.sync')}
        </a>
      </div>
      <SignOut waiting={waiting()} />
    </>
  );
}

export default function Home() {
  return (
    <Frame>
      <Today />
    </Frame>
  );
}
