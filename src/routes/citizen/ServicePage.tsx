/**
 * A service's start page: what it is for, how long the council aims to take,
 * and Start (which creates a draft, saved on this phone from the first
 * moment). A form already started for this service is offered first.
 */
import { A, useNavigate, useParams } from '../router';
import { Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { liveServices } from '../../db/catalog';
import { createDraft, liveDrafts } from '../../db/drafts';
import { StorageFullError } from '../../db/errors';
import { language, t } from '../../i18n';
import { Icon } from '../../ui/icons';
import { ListenButton } from '../../ui/ListenButton';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { sentences } from '../../ui/speech';

export default function ServicePage() {
  const params = useParams<{ code: string }>();
  const navigate = useNavigate();
  const services = createLive(liveServices());
  const drafts = createLive(liveDrafts());
  const service = createMemo(() => {
    const s = valueOr(services(), []).find((x) => x.service_code === params.code);
    return s && localizeService(s, language());
  });
  const started = () => valueOr(drafts(), []).find((d) => d.service_code === params.code);
  const [problem, setProblem] = createSignal<'storage_full' | 'failed' | undefined>();
  let starting = false;

  const start = async () => {
    if (starting) return;
    starting = true;
    try {
      const draft = await createDraft(params.code);
      navigate(`/drafts/${draft.id}`);
    } catch (e) {
      setProblem(e instanceof StorageFullError ? 'storage_full' : 'failed');
    } finally {
      starting = false;
    }
  };

  return (
    <Switch>
      <Match when={!services().loaded}>
        <p>{t('app.loading')}</p>
      </Match>
      <Match when={!service()}>
        <PageHeading>{t('services.notFoundTitle')}</PageHeading>
        <p>{t('services.notFoundBody')}</p>
        <p>
          <A href="/">{t('services.seeAll')}</A>
        </p>
      </Match>
      <Match when={service()}>
        {(s) => (
          <>
            <A class="back-link" href="/">
              {t('services.seeAll')}
            </A>
            <div class="service-heading">
              <Icon name={s().icon} class="service-heading__icon" />
              <PageHeading>{s().service_name}</PageHeading>
            </div>
            <p class="lead">{s().description}</p>
            <ListenButton text={sentences(s().service_name, s().description)} />
            <p>{t('services.serviceLevel', { count: s().service_level_days })}</p>
            <p>{t('services.takesAbout')}</p>
            <Show when={started()}>
              {(d) => (
                <div class="inset-text">
                  <p>{t('services.startedBefore')}</p>
                  <p>
                    <A href={`/drafts/${d().id}`}>{t('services.continueSaved')}</A>
                  </p>
                </div>
              )}
            </Show>
            <Show when={problem()}>
              {(p) => (
                <div class="warning" role="alert">
                  <p>{t(p() === 'storage_full' ? 'form.storageFull' : 'services.startFailed')}</p>
                </div>
              )}
            </Show>
            <button type="button" class="button button--start" onClick={() => void start()}>
              {t('services.start')}
            </button>
          </>
        )}
      </Match>
    </Switch>
  );
}
