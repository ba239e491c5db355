/** "My requests": every request made on this phone, newest first, kept up to date as changes arrive. */
import { A } from '../router';
import { Match, Switch, createMemo } from 'solid-js';
import { localizeService, type Service } from '../../core/catalog';
import { liveServices } from '../../db/catalog';
import { liveRequests } from '../../db/requests';
import { language, t } from '../../i18n';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { RequestList } from './requests/RequestList';

export default function MyRequests() {
  const requests = createLive(liveRequests());
  const services = createLive(liveServices());
  const byCode = createMemo(
    () =>
      new Map<string, Service>(
        valueOr(services(), []).map((s) => [s.service_code, localizeService(s, language())]),
      ),
  );
  const list = () => valueOr(requests(), []);
  return (
    <>
      <PageHeading>{t('requests.title')}</PageHeading>
      <p class="lead">{t('requests.intro')}</p>
      <Switch>
        <Match when={!requests().loaded}>
          <p>{t('app.loading')}</p>
        </Match>
        <Match when={list().length === 0}>
          <p>{t('requests.empty')}</p>
          <p>
            <A class="button" href="/">
              {t('requests.startOne')}
            </A>
          </p>
        </Match>
        <Match when={list().length > 0}>
          <RequestList requests={list()} services={byCode()} />
        </Match>
      </Switch>
    </>
  );
}
