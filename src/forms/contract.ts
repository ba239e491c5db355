/**
 * The complete contract between the form engine and the rest of the app.
 * The engine renders a service definition and keeps what is typed; it never
 * opens the database or the network itself. The page that hosts a form
 * (src/routes/citizen/DraftPage.tsx) hands it these and its addresses
 * (DraftFormProps); it navigates through src/ui/page-navigation.tsx.
 */
import type { Accessor } from 'solid-js';
import type { FieldError } from '../core/validate';
import type { DraftAutosave, DraftState } from '../db/autosave';
import type { PhotoRecord, RequestRecord } from '../db/records';

/** Why a photo was not added, for a plain message. */
export type PhotoProblem =
  'photo_limit' | 'photo_unreadable' | 'photo_truncated' | 'photo_too_big' | 'storage_full' | 'failed';

export type SubmitOutcome =
  | { ok: true; request: RequestRecord }
  | { ok: false; errors: FieldError[] }
  | { ok: false; problem: 'storage_full' | 'failed' };

export interface FormHost {
  /** Saves the draft after changes; `onError` hears about failed writes (a full disk). */
  makeAutosave(
    getState: () => DraftState,
    onError: (problem: 'storage_full' | 'failed') => void,
  ): DraftAutosave;
  /** The draft's photos, live. */
  photos: Accessor<readonly PhotoRecord[]>;
  addPhoto(file: File): Promise<PhotoProblem | undefined>;
  removePhoto(sha256: string): Promise<void>;
  /** Turns the stored draft into a request waiting to be sent. */
  submit(): Promise<SubmitOutcome>;
}
