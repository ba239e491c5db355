/** The app's frame: skip link, header with language picker, network status, and the routed page. */
import { Router, type RouteSectionProps } from './routes/router';
import { Suspense } from 'solid-js';
import { routes } from './routes';
import { t } from './i18n';
import { LanguagePicker } from './ui/LanguagePicker';
import { NetworkStatus } from './ui/NetworkStatus';
import { SiteNav } from './ui/SiteNav';
import { UpdateBanner } from './ui/UpdateBanner';

function Layout(props: RouteSectionProps) {
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
        <SiteNav />
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
