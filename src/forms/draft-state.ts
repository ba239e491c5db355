/**
 * The state of an open form: the draft's values in a Solid store, saved
 * through the host's autosave on every change (so nothing typed lives only
 * in memory), and a quiet "Saved" once the writes have landed.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import type { DraftRecord, DraftValues } from '../db/records';
import type { FormHost } from './contract';
import type { StepId } from './steps';

/** How long after the last change "Saved" is announced: soon, but not on every key. */
const ANNOUNCE_AFTER_MS = 1000;

export type SaveProblem = 'storage_full' | 'failed';

export interface DraftState {
  readonly values: DraftValues;
  update(change: (v: DraftValues) => void): void;
  /** Writes everything pending; resolves once stored. */
  flush(): Promise<void>;
  /** Records the step the person is on, so the draft reopens there. */
  stepChanged(): void;
  saved: Accessor<boolean>;
  saveProblem: Accessor<SaveProblem | undefined>;
}

export function createDraftState(draft: DraftRecord, host: FormHost, step: Accessor<StepId>): DraftState {
  const [values, setValues] = createStore<DraftValues>(structuredClone(draft.values));
  const [saved, setSaved] = createSignal(false);
  const [saveProblem, setSaveProblem] = createSignal<SaveProblem | undefined>();
  let failed = false;
  const autosave = host.makeAutosave(
    () => ({ values: unwrap(values), step: step() }),
    (problem) => {
      failed = true;
      setSaveProblem(problem);
    },
  );

  const flush = async () => {
    failed = false;
    await autosave.flush();
    if (!failed) setSaveProblem(undefined);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const afterChange = () => {
    autosave.schedule();
    setSaved(false);
    clearTimeout(timer);
    timer = setTimeout(() => {
      void flush().then(() => setSaved(saveProblem() === undefined));
    }, ANNOUNCE_AFTER_MS);
  };

  onCleanup(() => {
    clearTimeout(timer);
    autosave.dispose();
  });

  return {
    values,
    update(change) {
      setValues(produce(change));
      afterChange();
    },
    flush,
    stepChanged: () => autosave.schedule(),
    saved,
    saveProblem,
  };
}
