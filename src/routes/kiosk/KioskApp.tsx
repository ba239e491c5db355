/**
 * The kiosk's frame: no site navigation and no links out, the kiosk's name,
 * a Finish button that resets at once, the idle watch with its "Are you
 * still there?" dialog, and the routed kiosk page.
 */
import { Show, Suspense, createMemo, lazy, type Component } from 'solid-js';
import { language, t } from '../../i18n';
import { Router, useLocation, type RouteDefinition, type RouteSectionProps } from '../router';
import { IdleDialog } from './IdleDialog';
import { createIdleWatch } from './idle';
import { KIOSK_HOME, KIOSK_ROUTES, type KioskRouteId } from './paths';
import { resetKiosk } from './reset';
import { kiosk, status } from './session';
import { Welcome } from './Welcome';

const pages: Record<KioskRouteId, Component> = {
  welcome: Welcome,
  enrol: lazy(() => import('./Enrol')),
  form: lazy(() => import('./KioskForm')),
  receipt: lazy(() => import('./Receipt')),
  other: Welcome,
};

const routes: RouteDefinition[] = KIOSK_ROUTES.map((r) => ({ path: r.path, component: pages[r.id] }));

function Layout(props: RouteSectionProps) {
  const location = useLocation();
  const settings = () => kiosk()?.settings;
  // Someone is using the kiosk unless it shows the welcome screen in its own language.
  const inUse = createMemo(
    () =>
      status() === 'ready' &&
      location.pathname.toLowerCase() !== '/kiosk/enrol' &&
      !(location.pathname.replace(/\/$/, '') === KIOSK_HOME && language() === settings()?.default_language),
  );
  const idle = createIdleWatch({
    warningSeconds: () => settings()?.idle_warning_s ?? 60,
    resetSeconds: () => settings()?.idle_reset_s ?? 90,
    active: inUse,
    onReset: () => void resetKiosk(),
  });
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="site-header kiosk-header">
        <div class="site-header__inner">
          <span class="site-header__name">{kiosk()?.name ?? t('app.name')}</span>
          <Show when={inUse()}>
            <button
              type="button"
              class="button button--secondary kiosk-finish"
              aria-label={t('kiosk.finishLabel')}
              onClick={() => void resetKiosk()}
            >
              {t('kiosk.finish')}
            </button>
          </Show>
        </div>
      </header>
      <main id="main" class="page kiosk-page">
        <Suspense fallback={<p>{t('app.loading')}</p>}>{props.children}</Suspense>
      </main>
      <IdleDialog secondsLeft={idle.secondsLeft()} onStay={() => idle.stillHere()} />
    </>
  );
}

export function KioskApp() {
  return <Router root={Layout} routes={routes} />;
}
