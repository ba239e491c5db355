/**
 * "Check on another phone": what a person carries to another phone to follow
 * the request — the short access code (two groups of four, easy to copy on
 * paper or read aloud), a link and a QR code that open the Track page with the
 * number and code filled in. The link puts the code after '#', so it never
 * reaches a server's log (the same form as the kiosk's receipt). The device's
 * own long token stays on this phone; it is shown only for a request sent
 * before short codes existed. The QR code's code (uqr) loads when the person
 * opens this part, so it costs the first load nothing.
 */
import { Show, Suspense, createSignal, lazy } from 'solid-js';
import { formatShortCode } from '../../../core/access-code';
import { t } from '../../../i18n';

// uqr is outside the precache (assets/qr/): offline, before it was ever
// loaded, the code and the link above are what the person has, and the page
// stays whole rather than failing on the import.
const QrCode = lazy(() =>
  import('../../../ui/QrCode').catch(() => ({ default: (_: { text: string; label: string }) => null })),
);

/** The address that opens this request on any phone: /track?number=CD-…#code=…, absolute for the QR code. */
export function trackLink(tracking: string, code: string): string {
  const url = new URL('/track', window.location.origin);
  url.searchParams.set('number', tracking);
  url.hash = `code=${code}`;
  return url.href;
}

export function AnotherPhone(props: {
  tracking: string;
  shortCode: string | undefined;
  token: string | undefined;
}) {
  const [opened, setOpened] = createSignal(false);
  const code = () => props.shortCode ?? props.token ?? '';
  return (
    <Show when={code()}>
      <details class="details" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>{t('confirmation.accessTitle')}</summary>
        <div class="another-phone">
          <p>{t('confirmation.accessBody')}</p>
          <p>
            {t('confirmation.accessLabel')}{' '}
            <Show
              when={props.shortCode}
              fallback={
                <code class="access-code" dir="ltr">
                  {props.token}
                </code>
              }
            >
              {(short) => (
                <strong class="short-code" dir="ltr">
                  {formatShortCode(short())}
                </strong>
              )}
            </Show>
          </p>
          <p>
            <a href={trackLink(props.tracking, code())}>{t('confirmation.accessLink')}</a>
          </p>
          <Show when={opened()}>
            <Suspense fallback={<p>{t('app.loading')}</p>}>
              <QrCode text={trackLink(props.tracking, code())} label={t('confirmation.accessQr')} />
            </Suspense>
          </Show>
        </div>
      </details>
    </Show>
  );
}
