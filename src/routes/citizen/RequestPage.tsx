/**
 * One request (/requests/:id), and the receipt after submit. While it waits
 * on this phone: that it is saved, the local reference, how much waits and
 * "Send now". Once sent: the tracking number, large, with Copy and Share,
 * what happens next and the date to expect action, how to check it on
 * another phone (short code, link, QR code); then progress, public
 * updates and, once resolved, the satisfaction question.
 */
import { A, useParams } from '../router';
import { Match, Show, Switch, createEffect, createMemo, createResource, createSignal, on } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { getJurisdiction, liveServices } from '../../db/catalog';
import { liveWaitingRequestCount } from '../../db/outbox';
import type { RequestRecord } from '../../db/records';
import { liveRequest } from '../../db/requests';
import { lastError, syncState } from '../../sync/scheduler';
import { requestFlush, startSending } from '../../sync/start';
import { language, t } from '../../i18n';
import { formatDay } from '../../ui/format';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge, badgeKind } from '../../ui/StatusBadge';
import { AnotherPhone } from './request/AnotherPhone';
import { FeedbackForm } from './request/FeedbackForm';
import { ForgetSlot } from './request/ForgetSlot';
import { PushSlot } from './request/PushSlot';
import { History, Timeline } from './request/Timeline';
import { TrackingActions } from './request/TrackingActions';

function WaitingPanel(props: { request: RequestRecord }) {
  // The sending state below comes from the scheduler: make sure it runs (it
  // starts by itself when this tab found work, but another tab may have queued this).
  startSending();
  const waiting = createLive(liveWaitingRequestCount());
  const syncText = () => {
    switch (syncState()) {
      case 'sending':
        return t('confirmation.sync.sending');
      case 'offline':
        return t('confirmation.sync.offline');
      case 'waiting-retry':
        // The server said too many new requests came from this connection: say so, and that it is kept.
        return lastError() === 'rate_limited'
          ? t('confirmation.sync.rateLimited')
          : t('confirmation.sync.retry');
      case 'idle':
        return '';
    }
  };
  return (
    <>
      <div class="panel panel--waiting">
        <p>{t('confirmation.waitingBody')}</p>
        <p>
          {t('confirmation.localRef')}{' '}
          <strong class="reference" dir="ltr">
            {props.request.local_ref}
          </strong>
        </p>
      </div>
      <p role="status" class="sync-status">
        <span>{t('confirmation.waiting', { count: valueOr(waiting(), 0) })}</span> <span>{syncText()}</span>
      </p>
      <button type="button" class="button" onClick={() => requestFlush()}>
        {t('confirmation.sendNow')}
      </button>
    </>
  );
}

/** "CD-7K3M9QX5", allowed to wrap after "CD-" only, when the whole number does not fit a line. */
function TrackingNumber(props: { value: string }) {
  const cut = () => props.value.indexOf('-') + 1;
  return (
    <>
      {props.value.slice(0, cut())}
      <wbr />
      {props.value.slice(cut())}
    </>
  );
}

function SentPanel(props: { request: RequestRecord; tracking: string; jurisdiction: string | undefined }) {
  return (
    <>
      <div class="panel panel--confirmation">
        <p class="panel__label">{t('confirmation.trackingLabel')}</p>
        <p class="tracking-number" dir="ltr">
          <TrackingNumber value={props.tracking} />
        </p>
      </div>
      <TrackingActions tracking={props.tracking} />
      <h2 class="heading-m">{t('confirmation.nextTitle')}</h2>
      <p>
        {props.jurisdiction
          ? t('confirmation.nextBodyNamed', { jurisdiction: props.jurisdiction })
          : t('confirmation.nextBody')}
      </p>
      <Show when={props.request.due}>
        {(due) => <p class="due">{t('confirmation.expect', { date: formatDay(due(), language()) })}</p>}
      </Show>
      <Show when={props.request.token}>
        {(token) => (
          <PushSlot
            requestId={props.request.id}
            tracking={props.tracking}
            token={token()}
            language={language()}
          />
        )}
      </Show>
      <AnotherPhone
        tracking={props.tracking}
        shortCode={props.request.short_code}
        token={props.request.token}
      />
      <Show when={props.request.token}>
        {(token) => <ForgetSlot tracking={props.tracking} token={token()} />}
      </Show>
    </>
  );
}

export default function RequestPage() {
  const params = useParams<{ id: string }>();
  const request = createLive(liveRequest(params.id));
  const services = createLive(liveServices());
  const [jurisdiction] = createResource(getJurisdiction);
  const r = () => valueOr(request(), undefined);
  const service = createMemo(() => {
    const s = valueOr(services(), []).find((x) => x.service_code === r()?.service_code);
    return s && localizeService(s, language());
  });
  const title = () => {
    const current = r();
    if (!current) return t('confirmation.notFoundTitle');
    if (current.state === 'waiting') return t('confirmation.waitingTitle');
    if (current.state === 'rejected') return t('confirmation.returnedTitle');
    return t('confirmation.sentTitle');
  };
  // Said aloud when the request leaves the phone while the person is looking.
  const [announce, setAnnounce] = createSignal('');
  createEffect(
    on(
      () => r()?.tracking,
      (tracking, previous) => {
        if (tracking && previous === undefined && r()?.state === 'sent')
          setAnnounce(t('confirmation.sentAnnounce', { tracking }));
      },
      { defer: true },
    ),
  );
  const askFeedback = () => {
    const current = r();
    return (
      current?.state === 'sent' &&
      (current.status === 'resolved' || current.status === 'closed') &&
      current.feedback === undefined
    );
  };

  return (
    <Show when={request().loaded} fallback={<p>{t('app.loading')}</p>}>
      <p class="visually-hidden" role="status">
        {announce()}
      </p>
      <Show when={service()}>{(s) => <p class="caption">{s().service_name}</p>}</Show>
      <PageHeading>{title()}</PageHeading>
      <Switch>
        <Match when={!r()}>
          <p>{t('confirmation.notFoundBody')}</p>
          <p>
            <A href="/requests">{t('requests.seeAll')}</A>
          </p>
        </Match>
        <Match when={r()?.state === 'waiting' && r()}>
          {(current) => <WaitingPanel request={current()} />}
        </Match>
        <Match when={r()?.state === 'rejected' && r()}>
          {(current) => (
            <>
              <p>{t('confirmation.returnedBody')}</p>
              <Show when={current().draft_id}>
                {(draft) => (
                  <p>
                    <A class="button" href={`/drafts/${draft()}/check`}>
                      {t('confirmation.returnedEdit')}
                    </A>
                  </p>
                )}
              </Show>
            </>
          )}
        </Match>
        <Match when={r()?.tracking !== undefined && r()}>
          {(current) => (
            <SentPanel
              request={current()}
              tracking={current().tracking ?? ''}
              jurisdiction={jurisdiction()?.name}
            />
          )}
        </Match>
      </Switch>
      <Show when={r()}>
        {(current) => (
          <section class="section" aria-labelledby="progress-title">
            <h2 id="progress-title" class="heading-m">
              {t('confirmation.progressTitle')}
            </h2>
            <StatusBadge kind={badgeKind(current().state, current().status)} listen />
            <Show when={current().status === 'rejected' || current().status === 'duplicate'}>
              <p>
                {t(current().status === 'duplicate' ? 'status.meaning.duplicate' : 'status.meaning.rejected')}
              </p>
            </Show>
            <Timeline state={current().state} status={current().status} history={current().history} />
            <h3 class="heading-s">{t('confirmation.updatesTitle')}</h3>
            <History history={current().history} />
          </section>
        )}
      </Show>
      <Show when={askFeedback() && r()}>{(current) => <FeedbackForm requestId={current().id} />}</Show>
      <Show when={r()?.feedback}>
        <p class="panel panel--thanks">{t('feedback.thanks')}</p>
      </Show>
      <p>
        <A href="/requests">{t('requests.seeAll')}</A>
      </p>
    </Show>
  );
}
