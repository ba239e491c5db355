/** The app's frame: skip link, header with language picker, network status, and the routed page. */
import { Router, useLocation, type RouteSectionProps } from './routes/router';
import { Show, Suspense } from 'solid-js';
import { routes } from './routes';
import { t } from './i18n';
import { LanguagePicker } from './ui/LanguagePicker';
import { NetworkStatus } from './ui/NetworkStatus';
import { SiteNav } from './ui/SiteNav';
import { UpdateBanner } from './ui/UpdateBanner';

function Layout(props: RouteSectionProps) {
  const location = useLocation();
  // The desk has its own navigation (src/routes/staff/StaffFrame.tsx); the citizen's would mislead there.
  const atDesk = () => /^\/staff(\/|$)/i.test(location.pathname);
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
          <LanguagePicker id="header-language" />
        </div>
        <Show when={!atDesk()}>
          <SiteNav />
        </Show>
      </header>
      <UpdateBanner />
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
