/**
 * Autosave for one draft: a change is written at most DELAY_MS after it is
 * made, even while the person keeps typing (a plain debounce would wait for a
 * pause that may never come before the tab is killed), and at once when the
 * page is hidden or closed. Page-only (DOM events); writes through drafts.ts.
 */
import { saveDraft } from './drafts';
import type { DraftValues } from './records';

/** Well inside the 300 ms promise, so a tab closed 200 ms after a keystroke has it saved. */
export const DELAY_MS = 150;

export interface DraftState {
  values: DraftValues;
  step: string;
}

export interface DraftAutosave {
  /** Call after every change; the latest state is read when the write happens. */
  schedule(): void;
  /** Writes pending changes now; resolves when they are stored. */
  flush(): Promise<void>;
  /** Stops listening and writes what is pending (call from onCleanup). */
  dispose(): void;
}

export interface AutosaveOptions {
  /** A failed write (StorageFullError, …) for the UI to explain; the next change retries. */
  onError?: (error: unknown) => void;
  delayMs?: number;
}

export function makeDraftAutosave(
  id: string,
  getState: () => DraftState,
  options: AutosaveOptions = {},
): DraftAutosave {
  const delay = options.delayMs ?? DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  // Writes run one after another so an older state never lands after a newer one.
  let chain: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return chain;
    dirty = false;
    const { values, step } = getState();
    chain = chain.then(async () => {
      try {
        await saveDraft(id, values, step);
      } catch (e) {
        dirty = true;
        options.onError?.(e);
      }
    });
    return chain;
  };

  const schedule = (): void => {
    dirty = true;
    timer ??= setTimeout(() => void flush(), delay);
  };

  const onPageHide = (): void => void flush();
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void flush();
  };
  window.addEventListener('pagehide', onPageHide);
  document.addEventListener('visibilitychange', onVisibility);

  return {
    schedule,
    flush,
    dispose() {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    },
  };
}
