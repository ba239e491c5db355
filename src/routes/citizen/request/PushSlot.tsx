/**
 * Where the request page offers notifications: only where the browser can do
 * web push and the person has not refused notifications to this site. The
 * offer itself (notify/PushOffer.tsx) is a chunk of its own, fetched here and
 * cached once used; if it cannot be fetched (offline on first use) the page
 * shows the rest as ever. A plain signal, not lazy() or a resource: those
 * would hold the whole page in its Suspense fallback while the chunk comes.
 */
import { Show, createSignal, type Component } from 'solid-js';
import type { PushOfferProps } from '../notify/PushOffer';

function pushPossible(): boolean {
  return (
    'PushManager' in window &&
    'Notification' in window &&
    'serviceWorker' in navigator &&
    Notification.permission !== 'denied'
  );
}

export function PushSlot(props: PushOfferProps) {
  const [offer, setOffer] = createSignal<Component<PushOfferProps>>();
  if (pushPossible())
    import('../notify/PushOffer').then(
      (m) => setOffer(() => m.default),
      (e: unknown) => console.error('the notification offer could not load', e),
    );
  return (
    <Show when={offer()}>
      {(Offer) => {
        const PushOffer = Offer();
        return <PushOffer {...props} />;
      }}
    </Show>
  );
}
