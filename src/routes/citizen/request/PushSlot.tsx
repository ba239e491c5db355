/**
 * Where the request page offers notifications: only where the browser can do
 * web push and the person has not refused notifications to this site. The
 * offer itself (notify/PushOffer.tsx) is a chunk of its own, fetched here and
 * cached once used; if it cannot be fetched (offline on first use) the page
 * shows the rest as ever.
 */
import { ErrorBoundary, Show, lazy } from 'solid-js';
import type { PushOfferProps } from '../notify/PushOffer';

const PushOffer = lazy(() => import('../notify/PushOffer'));

function pushPossible(): boolean {
  return (
    'PushManager' in window &&
    'Notification' in window &&
    'serviceWorker' in navigator &&
    Notification.permission !== 'denied'
  );
}

export function PushSlot(props: PushOfferProps) {
  return (
    <Show when={pushPossible()}>
      <ErrorBoundary fallback={null}>
        <PushOffer {...props} />
      </ErrorBoundary>
    </Show>
  );
}
