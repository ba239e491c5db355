/**
 * Enrolment: the page an admin's one-time link opens (/kiosk/enrol#CODE). It
 * exchanges the code for the device credential, stores the kiosk's settings
 * and offers the welcome screen. The code is removed from the address at once,
 * so it stays in no history entry.
 */
import { Match, Switch, createResource } from 'solid-js';
import { enrolKiosk } from '../../sync/kiosk/calls';
import { changeLanguage, t } from '../../i18n';
import { PageHeading } from '../../ui/PageHeading';
import { A } from '../router';
import { KIOSK_HOME } from './paths';
import { setKiosk, setStatus } from './session';
import { startSending } from './sending';

async function enrol(code: string) {
  if (code === '') return { ok: false as const, error: 'invalid_enrolment_code' as const };
  const r = await enrolKiosk(code);
  if (r.ok) {
    setKiosk(r.kiosk);
    setStatus('ready');
    await changeLanguage(r.kiosk.settings.default_language);
    startSending();
  }
  return r;
}

export default function Enrol() {
  const code = window.location.hash.slice(1);
  window.history.replaceState(null, '', window.location.pathname);
  const [result] = createResource(() => enrol(code));
  const enrolled = () => {
    const r = result();
    return r?.ok ? r.kiosk : undefined;
  };
  const failure = () => {
    const r = result();
    return r && !r.ok ? r.error : undefined;
  };
  return (
    <>
      <PageHeading>{t('kiosk.enrolTitle')}</PageHeading>
      <Switch fallback={<p role="status">{t('kiosk.enrolWorking')}</p>}>
        <Match when={enrolled()}>
          {(k) => (
            <>
              <p role="status" class="kiosk-lead">
                {t('kiosk.enrolDone', { name: k().name })}
              </p>
              <A class="button kiosk-button--large" href={KIOSK_HOME}>
                {t('kiosk.openWelcome')}
              </A>
            </>
          )}
        </Match>
        <Match when={failure()}>
          {(e) => (
            <p role="alert" class="kiosk-lead">
              {t(e() === 'offline' ? 'kiosk.enrolOffline' : 'kiosk.enrolFailed')}
            </p>
          )}
        </Match>
      </Switch>
    </>
  );
}
