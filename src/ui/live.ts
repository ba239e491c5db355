/**
 * Live data from src/db (Dexie liveQuery observables) as Solid signals that
 * tell "not read yet" apart from "read, and empty or missing" — a page must
 * not say "no such request" while it is still reading.
 */
import { from, type Accessor } from 'solid-js';

/** The shape of a Dexie liveQuery observable (its last overload, which TypeScript infers from). */
interface Subscribable<T> {
  subscribe(next: (value: T) => void, error: (e: unknown) => void): { unsubscribe(): void };
}

export type Live<T> = { loaded: false } | { loaded: true; value: T };

export function createLive<T>(source: Subscribable<T>): Accessor<Live<T>> {
  return from<Live<T>>(
    (set) => {
      const sub = source.subscribe(
        (value) => set({ loaded: true, value }),
        (e) => console.error('live query failed', e),
      );
      return () => sub.unsubscribe();
    },
    { loaded: false },
  );
}

/** The value once read, else the fallback. */
export function valueOr<T>(live: Live<T>, fallback: T): T {
  return live.loaded ? live.value : fallback;
}
