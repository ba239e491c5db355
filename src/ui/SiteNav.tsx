/**
 * The header's main navigation: the four places a citizen goes. Mounted once
 * in the layout, it also applies the remembered text size (the setting lives
 * with the frame of every page).
 */
import { A } from '../routes/router';
import { t } from '../i18n';
import { restoreTextSize } from './text-size';

export function SiteNav() {
  restoreTextSize();
  return (
    <nav class="site-nav" aria-label={t('nav.label')}>
      <ul class="site-nav__list">
        <li>
          <A href="/">{t('nav.home')}</A>
        </li>
        <li>
          <A href="/requests">{t('nav.myRequests')}</A>
        </li>
        <li>
          <A href="/track">{t('nav.track')}</A>
        </li>
        <li>
          <A href="/settings">{t('nav.settings')}</A>
        </li>
      </ul>
    </nav>
  );
}
