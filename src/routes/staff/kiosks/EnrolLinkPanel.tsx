/**
 * A kiosk's one-time enrolment link, shown once: just after registering it
 * or making a new one. The server keeps only a hash of the code, so once this
 * panel is closed the link cannot be shown again (a new link can be made).
 * The QR code lets the kiosk device's camera open it without typing.
 */
import { onMount } from 'solid-js';
import { language } from '../../../i18n';
import type { EnrolLink } from '../../../sync/staff/kiosks';
import { formatDateTime } from '../../../ui/format';
import { QrCode } from '../../../ui/QrCode';
import { st } from '../i18n';

export function EnrolLinkPanel(props: { name: string; link: EnrolLink; onClose: () => void }) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  return (
    <section class="section kiosk-link" aria-labelledby="kiosk-link-title">
      <h2 id="kiosk-link-title" class="heading-m" tabindex="-1" ref={heading}>
        {st('kiosks.linkTitle', { name: props.name })}
      </h2>
      <p>{st('kiosks.linkIntro', { date: formatDateTime(props.link.expires_at, language()) })}</p>
      <dl class="kiosk-link__url">
        <dt>{st('kiosks.linkLabel')}</dt>
        <dd dir="ltr">
          <code>{props.link.link}</code>
        </dd>
      </dl>
      <QrCode
        class="kiosk-link__qr"
        text={props.link.link}
        label={st('kiosks.qrLabel', { name: props.name })}
      />
      <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
        {st('kiosks.linkDone')}
      </button>
    </section>
  );
}
