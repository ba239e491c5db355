/** Shown for any address the app does not know. */
import { A } from './router';
import { t } from '../i18n';
import { PageHeading } from '../ui/PageHeading';

export default function NotFound() {
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <A href="/">{t('notFound.home')}</A>
      </p>
    </>
  );
}
