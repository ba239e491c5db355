/**
 * Every officer page inside one frame: the room's words loaded, its
 * navigation, the sync schedule started, and the sign-in page instead of
 * the page when nobody has signed in on this device. An ended session does
 * not hide the work: pages stay usable offline and a banner asks to sign in.
 */
import { Match, Show, Switch, createEffect, type JSX } from 'solid-js';
import './officer.css';
import { ot, useOfficerWords } from './i18n';
import { OfficerNav } from './OfficerNav';
import { officerSession } from './session';
import { startOfficerSync } from './sync-state';
import SignIn from './SignIn';

export function Frame(props: { children: JSX.Element }) {
  useOfficerWords();
  // Once someone is signed in on this device (read from its database), the schedule runs.
  createEffect(() => {
    if (officerSession()) startOfficerSync();
  });
  return (
    <Switch>
      <Match when={officerSession() === undefined}>{null}</Match>
      <Match when={!officerSession()}>
        <SignIn />
      </Match>
      <Match when={officerSession()}>
        {(s) => (
          <>
            <OfficerNav />
            <Show when={s().ended}>
              <div class="officer-banner" role="status">
                <p>{ot('home.signedOutNote')}</p>
                <a class="button button--secondary" href="/officer/sign-in">
                  {ot('home.signInAgain')}
                </a>
              </div>
            </Show>
            {props.children}
          </>
        )}
      </Match>
    </Switch>
  );
}
