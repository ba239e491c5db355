/**
 * The welcome screen: the language picker first and large (each language
 * named in itself), then the services this kiosk offers as big buttons with
 * icons. Choosing a service starts its form at once. A device that is not an
 * enrolled kiosk, or whose kiosk was revoked, says so instead.
 */
import { For, Match, Show, Switch, createMemo, createResource } from 'solid-js';
import { localizeService, type Service } from '../../core/catalog';
import { LANGUAGES } from '../../core/lang';
import { liveServices } from '../../db/catalog';
import { createDraft } from '../../db/drafts';
import { getKioskProblems } from '../../db/kiosk/store';
import { changeLanguage, language, t } from '../../i18n';
import { Icon } from '../../ui/icons';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { useNavigate } from '../router';
import { formBase } from './paths';
import { kiosk, status } from './session';

function offered(all: readonly Service[], codes: readonly string[] | null | undefined): Service[] {
  if (!codes) return [...all];
  const byCode = new Map(all.map((s) => [s.service_code, s]));
  return codes.flatMap((c) => byCode.get(c) ?? []);
}

function LanguageChoice() {
  return (
    <section class="section" aria-labelledby="kiosk-language-title">
      <h2 id="kiosk-language-title" class="heading-m">
        {t('language.choose')}
      </h2>
      <ul class="kiosk-languages">
        <For each={LANGUAGES}>
          {(l) => (
            <li>
              <button
                type="button"
                class="kiosk-tile kiosk-tile--language"
                lang={l.code}
                dir={l.dir}
                aria-pressed={language() === l.code}
                onClick={() => void changeLanguage(l.code)}
              >
                {l.nativeName}
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Services() {
  const navigate = useNavigate();
  const all = createLive(liveServices());
  const services = createMemo(() =>
    offered(valueOr(all(), []), kiosk()?.settings.services).map((s) => localizeService(s, language())),
  );
  const start = async (code: string) => {
    const draft = await createDraft(code);
    navigate(`${formBase(draft.id)}/questions`);
  };
  return (
    <section class="section" aria-labelledby="kiosk-services-title">
      <h2 id="kiosk-services-title" class="heading-m">
        {t('kiosk.chooseService')}
      </h2>
      <Show when={services().length > 0} fallback={<p>{t('services.loading')}</p>}>
        <ul class="kiosk-services">
          <For each={services()}>
            {(s) => (
              <li>
                <button
                  type="button"
                  class="kiosk-tile kiosk-tile--service"
                  onClick={() => void start(s.service_code)}
                >
                  <Icon name={s.icon} class="kiosk-tile__icon" />
                  <span>{s.service_name}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function OutOfService() {
  const [problems] = createResource(getKioskProblems);
  return (
    <>
      <PageHeading>{t('kiosk.revokedTitle')}</PageHeading>
      <p class="kiosk-lead">{t('kiosk.revokedBody')}</p>
      <Show when={(problems() ?? []).length > 0}>
        <h2 class="heading-s">{t('kiosk.revokedStaff')}</h2>
        <ul class="plain-list">
          <For each={problems()}>
            {(p) => (
              <li>
                <span dir="ltr">{p.local_ref}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

export function Welcome() {
  return (
    <Switch>
      <Match when={status() === 'starting'}>
        <p>{t('app.loading')}</p>
      </Match>
      <Match when={status() === 'not_a_kiosk'}>
        <PageHeading>{t('kiosk.notKioskTitle')}</PageHeading>
        <p class="kiosk-lead">{t('kiosk.notKioskBody')}</p>
      </Match>
      <Match when={status() === 'revoked'}>
        <OutOfService />
      </Match>
      <Match when={status() === 'ready'}>
        <PageHeading>{t('kiosk.welcomeTitle')}</PageHeading>
        <LanguageChoice />
        <Services />
      </Match>
    </Switch>
  );
}
