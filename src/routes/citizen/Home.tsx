/**
 * The citizen's first screen (the header holds the language picker): drafts to continue,
 * recent requests, then a search over the services and the services by group.
 * Everything comes from IndexedDB, so it works offline once the catalog has
 * been fetched once.
 *
 * The drafts and requests lists are code only a returning person needs: they
 * load (one chunk, precached) once there is a draft or a request to show, and
 * then stay, so the list's announcements (a draft discarded) are still heard
 * when the last one goes.
 */
import { Show, Suspense, createMemo, lazy } from 'solid-js';
import { localizeService, type Service } from '../../core/catalog';
import { liveServices } from '../../db/catalog';
import { liveDrafts } from '../../db/drafts';
import { liveRequests } from '../../db/requests';
import { language, t } from '../../i18n';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { ServiceFinder } from './home/ServiceFinder';

const lists = () => import('./home/lists');
const DraftList = lazy(() => lists().then((m) => ({ default: m.DraftList })));
const RecentRequests = lazy(() => lists().then((m) => ({ default: m.RecentRequests })));

export function Home() {
  const services = createLive(liveServices());
  const drafts = createLive(liveDrafts());
  const requests = createLive(liveRequests());
  const localized = createMemo(() => valueOr(services(), []).map((s) => localizeService(s, language())));
  const byCode = createMemo(() => new Map<string, Service>(localized().map((s) => [s.service_code, s])));
  // True from the first time there is something to list, for the rest of the visit.
  const hadDrafts = createMemo((had: boolean) => had || valueOr(drafts(), []).length > 0, false);
  const hadRequests = createMemo((had: boolean) => had || valueOr(requests(), []).length > 0, false);

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.intro')}</p>
      {/* Each in its own boundary: while a list loads, the rest of the page stays as it is. */}
      <Suspense>
        <Show when={hadDrafts()}>
          <DraftList drafts={valueOr(drafts(), [])} services={byCode()} />
        </Show>
      </Suspense>
      <Suspense>
        <Show when={hadRequests()}>
          <RecentRequests requests={valueOr(requests(), [])} services={byCode()} />
        </Show>
      </Suspense>
      <ServiceFinder services={localized()} loaded={services().loaded} />
    </>
  );
}
