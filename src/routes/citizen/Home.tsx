/**
 * The citizen's first screen: the language picker, drafts to continue,
 * recent requests, then a search over the services and the services by group.
 * Everything comes from IndexedDB, so it works offline once the catalog has
 * been fetched once.
 */
import { createMemo } from 'solid-js';
import { localizeService, type Service } from '../../core/catalog';
import { liveServices } from '../../db/catalog';
import { liveDrafts } from '../../db/drafts';
import { liveRequests } from '../../db/requests';
import { language, t } from '../../i18n';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { DraftList } from './home/DraftList';
import { RecentRequests } from './home/RecentRequests';
import { ServiceFinder } from './home/ServiceFinder';

export function Home() {
  const services = createLive(liveServices());
  const drafts = createLive(liveDrafts());
  const requests = createLive(liveRequests());
  const localized = createMemo(() => valueOr(services(), []).map((s) => localizeService(s, language())));
  const byCode = createMemo(() => new Map<string, Service>(localized().map((s) => [s.service_code, s])));

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.intro')}</p>
      <LanguagePicker id="home-language" />
      <DraftList drafts={valueOr(drafts(), [])} services={byCode()} />
      <RecentRequests requests={valueOr(requests(), [])} services={byCode()} />
      <ServiceFinder services={localized()} loaded={services().loaded} />
    </>
  );
}
