/**
 * Where the request page offers "Remove my contact details": the part itself
 * (privacy/ForgetContact.tsx) is a chunk of its own, fetched here and cached
 * once used, never part of a first visit; if it cannot be fetched (offline on
 * first use) the page shows the rest as ever. A plain signal, as PushSlot.
 */
import { Show, createSignal, type Component } from 'solid-js';
import type { ForgetContactProps } from '../privacy/ForgetContact';

export function ForgetSlot(props: ForgetContactProps) {
  const [part, setPart] = createSignal<Component<ForgetContactProps>>();
  import('../privacy/ForgetContact').then(
    (m) => setPart(() => m.default),
    (e: unknown) => console.error('the contact details part could not load', e),
  );
  return (
    <Show when={part()}>
      {(Part) => {
        const ForgetContact = Part();
        return <ForgetContact {...props} />;
      }}
    </Show>
  );
}
