/**
 * The receipt of a request filed for a person on a visit: the tracking
 * number large, and as a QR code that opens the tracking page on the
 * person's own phone, with the short access code to write down (the QR code
 * carries the long one). Filed offline, the number comes with the next sync;
 * the page fills it in by itself when it arrives.
 */
import { Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { getEntry } from '../../db/officer/outbox';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { useParams } from '../router';
import { Frame } from './Frame';
import { ot } from './i18n';
import { QrCode } from '../../ui/QrCode';
import { formatShortCode } from '../../core/access-code';
import type { Receipt } from '../../core/events';

function Receipt() {
  const params = useParams<{ id: string }>();
  const entry = createLive(liveQuery(() => getEntry(params.id)));
  const receipt = () => valueOr(entry(), undefined)?.receipt;
  // After '#': the code opens the request on the person's phone but never reaches a server log.
  const trackUrl = (r: Receipt) =>
    `${location.origin}/track?number=${encodeURIComponent(r.tracking)}` +
    (r.token ? `#code=${encodeURIComponent(r.token)}` : '');
  // On paper the short code, easy to copy and read aloud; the QR code carries the full token.
  const code = (r: Receipt) => (r.short_code ? formatShortCode(r.short_code) : r.token);
  return (
    <>
      <PageHeading>{ot('filed.title')}</PageHeading>
      <Show when={receipt()} fallback={<p role="status">{ot('filed.waiting')}</p>}>
        {(r) => (
          <div role="status">
            <h2 class="heading-s">{ot('filed.number')}</h2>
            <p class="officer-number" dir="ltr">
              {r().tracking}
            </p>
            <QrCode class="officer-qr" text={trackUrl(r())} label={ot('filed.qr')} />
            <p>{ot('filed.qr')}</p>
            <Show when={code(r())}>
              {(printed) => (
                <>
                  <h2 class="heading-s">{ot('filed.code')}</h2>
                  <p class="officer-code" dir="ltr">
                    {printed()}
                  </p>
                </>
              )}
            </Show>
            <p>{ot('filed.writeDown')}</p>
          </div>
        )}
      </Show>
      <a class="button" href="/officer/visit">
        {ot('filed.another')}
      </a>
    </>
  );
}

export default function FiledPage() {
  return (
    <Frame>
      <Receipt />
    </Frame>
  );
}
