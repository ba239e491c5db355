/**
 * What the kiosk knows about itself and the person at it, in memory only:
 * the kiosk's identity and settings (also kept on the device, they are not
 * personal), whether it may take requests, the form in progress and the
 * submission whose receipt is on screen. A reset reloads the page, so all of
 * this goes with the old document.
 */
import { createSignal } from 'solid-js';
import type { KioskInfo } from '../../core/kiosk';

export type KioskStatus = 'starting' | 'ready' | 'not_a_kiosk' | 'revoked';

const [kiosk, setKiosk] = createSignal<KioskInfo | undefined>();
const [status, setStatus] = createSignal<KioskStatus>('starting');
const [currentDraft, setCurrentDraft] = createSignal<string | undefined>();

/** The submission just made here: enough for its receipt page to send it and show the result. */
export interface Submission {
  readonly id: string;
  readonly service_code: string;
  readonly local_ref: string;
}
const [submission, setSubmission] = createSignal<Submission | undefined>();

export { kiosk, setKiosk, status, setStatus, currentDraft, setCurrentDraft, submission, setSubmission };
