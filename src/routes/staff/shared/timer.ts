/**
 * Staff time: minutes counted while a desk page is open, visible and
 * focused, so a tab left in the background is not counted as work. Capped,
 * because a page left open over lunch is not an hour of work. Reset after
 * each action, whose minutes the action records.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export const TIMER_CAP_MINUTES = 60;

export interface FocusTimer {
  /** Minutes counted so far, to one decimal. */
  readonly minutes: Accessor<number>;
  reset(): void;
}

export function createFocusTimer(cap = TIMER_CAP_MINUTES): FocusTimer {
  const [ms, setMs] = createSignal(0);
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (document.visibilityState === 'visible' && document.hasFocus())
      setMs((m) => Math.min(m + (now - last), cap * 60_000));
    last = now;
  };
  const id = setInterval(tick, 1000);
  onCleanup(() => clearInterval(id));
  return {
    minutes: () => Math.round(ms() / 6000) / 10,
    reset: () => {
      last = performance.now();
      setMs(0);
    },
  };
}
