/**
 * The receipt at the kiosk: it sends the submission just made and shows what
 * came of it. Delivered: the tracking number large, the service, the date to
 * expect action, the access code, a QR code that opens the request on the
 * person's own phone, and Print (kiosk.css prints one page: number, service,
 * date, how to follow it). The device has already forgotten the request by
 * then; only this page's memory holds it, until Finish or the idle reset.
 * Not delivered yet: the local reference, and the promise to send it.
 */
import { Match, Show, Switch, createResource } from 'solid-js';
import { formatShortCode } from '../../core/access-code';
import { localizeService } from '../../core/catalog';
import { getService } from '../../db/catalog';
import type { KioskReceipt } from '../../db/kiosk/store';
import { sendSubmission } from '../../sync/kiosk/calls';
import { language, t } from '../../i18n';
import { formatDay } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { A } from '../router';
import { KIOSK_HOME } from './paths';
import { resetKiosk } from './reset';
import { submission, type Submission } from './session';
import { Qr } from '../../ui/Qr';

function trackUrl(tracking: string, token: string | undefined): string {
  const url = new URL('/track', window.location.origin);
  url.searchParams.set('number', tracking);
  // After '#': the code opens the request on the phone but never reaches a server log.
  if (token) url.hash = `code=${token}`;
  return url.href;
}

/** On paper the short code (easier to copy and read aloud); the QR code carries the full token. */
function printedCode(r: KioskReceipt): string | undefined {
  return r.short_code ? formatShortCode(r.short_code) : r.token;
}

function Sent(props: {
  tracking: string;
  token: string | undefined;
  code: string | undefined;
  due: string;
  service: string;
}) {
  return (
    <div class="kiosk-receipt">
      <PageHeading>{t('kiosk.receiptTitle')}</PageHeading>
      <div class="kiosk-receipt__print">
        <p class="kiosk-receipt__label">{t('kiosk.receiptNumber')}</p>
        <p class="kiosk-receipt__number" dir="ltr">
          {props.tracking}
        </p>
        <dl class="kiosk-receipt__facts">
          <dt>{t('kiosk.receiptService')}</dt>
          <dd>{props.service}</dd>
          <dt>{t('kiosk.receiptDue')}</dt>
          <dd>{formatDay(props.due, language())}</dd>
          <Show when={props.code}>
            {(code) => (
              <>
                <dt>{t('kiosk.receiptCode')}</dt>
                <dd dir="ltr" class="kiosk-receipt__code">
                  {code()}
                </dd>
              </>
            )}
          </Show>
        </dl>
        <p>{t('kiosk.receiptFollow', { site: window.location.host })}</p>
      </div>
      <section class="section kiosk-receipt__scan" aria-labelledby="kiosk-scan-title">
        <h2 id="kiosk-scan-title" class="heading-m">
          {t('kiosk.scanTitle')}
        </h2>
        <p>{t('kiosk.scanBody')}</p>
        <Qr class="kiosk-qr" text={trackUrl(props.tracking, props.token)} label={t('kiosk.qrAlt')} />
      </section>
      <div class="kiosk-actions">
        <button type="button" class="button kiosk-button--large" onClick={() => window.print()}>
          {t('kiosk.print')}
        </button>
        <button
          type="button"
          class="button button--secondary kiosk-button--large"
          onClick={() => void resetKiosk()}
        >
          {t('kiosk.finish')}
        </button>
      </div>
    </div>
  );
}

function Outcome(props: { submission: Submission }) {
  const [outcome] = createResource(() => props.submission.id, sendSubmission);
  const receipt = () => {
    const o = outcome();
    return o?.state === 'sent' ? o.receipt : undefined;
  };
  const [service] = createResource(() => props.submission.service_code, getService);
  const serviceName = () => {
    const s = service();
    return s ? localizeService(s, language()).service_name : '';
  };
  const finish = (
    <button type="button" class="button kiosk-button--large" onClick={() => void resetKiosk()}>
      {t('kiosk.finish')}
    </button>
  );
  return (
    <Switch fallback={<p role="status">{t('kiosk.sending')}</p>}>
      <Match when={receipt()}>
        {(r) => (
          <Sent
            tracking={r().tracking}
            token={r().token}
            code={printedCode(r())}
            due={r().due}
            service={serviceName()}
          />
        )}
      </Match>
      <Match when={outcome()?.state === 'waiting'}>
        <PageHeading>{t('kiosk.waitingTitle')}</PageHeading>
        <p class="kiosk-lead">{t('kiosk.waitingBody', { ref: props.submission.local_ref })}</p>
        {finish}
      </Match>
      <Match when={outcome()?.state === 'rejected'}>
        <PageHeading>{t('kiosk.refusedTitle')}</PageHeading>
        <p class="kiosk-lead">{t('kiosk.refusedBody')}</p>
        {finish}
      </Match>
    </Switch>
  );
}

export default function Receipt() {
  return (
    <Show
      when={submission()}
      keyed
      fallback={
        <>
          <PageHeading>{t('kiosk.formGoneTitle')}</PageHeading>
          <A class="button kiosk-button--large" href={KIOSK_HOME}>
            {t('kiosk.startAgain')}
          </A>
        </>
      }
    >
      {(s) => <Outcome submission={s} />}
    </Show>
  );
}
