/**
 * The app's frame: skip link, header with language picker and the room's
 * navigation, the update banner, network status, and the routed page. It
 * hands the building blocks what they show (the nav's places, the service
 * worker's update), so src/ui knows neither the rooms nor src/sync.
 */
import { Router, useLocation, type RouteSectionProps } from './routes/router';
import { Show, Suspense, lazy } from 'solid-js';
import { routes } from './routes';
import { CITIZEN_NAV } from './routes/citizen/nav';
import { applyUpdate, updateWaiting } from './sync/register-sw';
import { t } from './i18n';
import { LanguagePicker } from './ui/LanguagePicker';
import { NetworkStatus } from './ui/NetworkStatus';
import { SiteNav } from './ui/SiteNav';

// Loaded only when a new version is waiting (precached like every chunk): most visits never show it.
const UpdateBanner = lazy(() => import('./ui/UpdateBanner').then((m) => ({ default: m.UpdateBanner })));

function Layout(props: RouteSectionProps) {
  const location = useLocation();
  // The desk and the officer's room have their own navigation (StaffFrame.tsx,
  // OfficerNav.tsx); the citizen's would mislead there.
  const atDesk = () => /^\/(staff|officer)(\/|$)/i.test(location.pathname);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <a class="site-header__name" href="/">
            {t('app.name')}
          </a>
          <Show when={!atDesk()}>
            <SiteNav items={CITIZEN_NAV} />
          </Show>
          <LanguagePicker id="header-language" />
        </div>
      </header>
      <Show when={updateWaiting()}>
        <UpdateBanner onReload={applyUpdate} />
      </Show>
      <NetworkStatus />
      <main id="main" class="page">
        <Suspense fallback={<p>{t('app.loading')}</p>}>{props.children}</Suspense>
      </main>
    </>
  );
}

export function App() {
  return <Router root={Layout} routes={routes} />;
}
