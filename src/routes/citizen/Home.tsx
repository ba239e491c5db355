/** The citizen's first screen. */
import { t } from '../../i18n';
import { PageHeading } from '../../ui/PageHeading';

export function Home() {
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.intro')}</p>
    </>
  );
}
