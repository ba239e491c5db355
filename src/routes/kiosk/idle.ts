/**
 * The idle watch: any touch, key, click or scroll counts as someone being
 * there. After `warning` seconds without one, `phase` becomes 'warning' with
 * the seconds left; at `reset` seconds, onReset runs. Inactive (the welcome
 * screen in its own language, a kiosk not in service) it only keeps time.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export interface IdleOptions {
  readonly warningSeconds: Accessor<number>;
  readonly resetSeconds: Accessor<number>;
  readonly active: Accessor<boolean>;
  readonly onReset: () => void;
}

export interface IdleWatch {
  /** Seconds until the reset while the warning shows; undefined otherwise. */
  readonly secondsLeft: Accessor<number | undefined>;
  /** The person said they are still here. */
  stillHere(): void;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'] as const;

export function createIdleWatch(options: IdleOptions): IdleWatch {
  let last = Date.now();
  const [secondsLeft, setSecondsLeft] = createSignal<number | undefined>();
  const seen = () => {
    last = Date.now();
    setSecondsLeft(undefined);
  };
  const tick = () => {
    if (!options.active()) return seen();
    const idle = (Date.now() - last) / 1000;
    if (idle >= options.resetSeconds()) {
      setSecondsLeft(0);
      options.onReset();
    } else if (idle >= options.warningSeconds()) setSecondsLeft(Math.ceil(options.resetSeconds() - idle));
  };
  for (const type of ACTIVITY) document.addEventListener(type, seen, { capture: true, passive: true });
  const timer = setInterval(tick, 250);
  onCleanup(() => {
    clearInterval(timer);
    for (const type of ACTIVITY) document.removeEventListener(type, seen, { capture: true });
  });
  return { secondsLeft, stillHere: seen };
}
