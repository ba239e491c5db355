/**
 * The app's frame: skip link, header with language picker, network status,
 * and the routed page. It wires the building blocks to the router and the
 * service worker, so src/ui knows neither.
 */
import { Router, useLocation, useNavigated, type RouteSectionProps } from './routes/router';
import { Suspense } from 'solid-js';
import { routes } from './routes';
import { CITIZEN_NAV } from './routes/citizen/nav';
import { isCurrentPath } from './routes/match';
import { applyUpdate, updateWaiting } from './sync/register-sw';
import { t } from './i18n';
import { LanguagePicker } from './ui/LanguagePicker';
import { NetworkStatus } from './ui/NetworkStatus';
import { PageNavigationProvider, type PageNavigation } from './ui/page-navigation';
import { SiteNav } from './ui/SiteNav';
import { UpdateBanner } from './ui/UpdateBanner';

function Layout(props: RouteSectionProps) {
  const location = useLocation();
  const page: PageNavigation = {
    navigated: useNavigated(),
    isCurrent: (href) => isCurrentPath(href, location.pathname),
  };
  return (
    <PageNavigationProvider value={page}>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <a class="site-header__name" href="/">
            {t('app.name')}
          </a>
          <LanguagePicker id="header-language" />
        </div>
        <SiteNav items={CITIZEN_NAV} />
      </header>
      <UpdateBanner waiting={updateWaiting()} onReload={applyUpdate} />
      <NetworkStatus />
      <main id="main" class="page">
        <Suspense fallback={<p>{t('app.loading')}</p>}>{props.children}</Suspense>
      </main>
    </PageNavigationProvider>
  );
}

export function App() {
  return <Router root={Layout} routes={routes} />;
}
