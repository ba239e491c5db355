/**
 * The request lifecycle as data: which status may follow which, how a status
 * maps to Open311's open/closed, and the order in which progress is shown.
 * The server checks every status_change event against TRANSITIONS; the staff
 * UI offers only the statuses it allows.
 */
import type { Status } from './status';

/**
 * Allowed next statuses. Decisions worth knowing:
 * - Staff may skip steps forward (a quick fix goes submitted → resolved), since
 *   forcing clicks through every step only makes the timings lie.
 * - resolved → in_progress reopens work the person says is not done; resolved →
 *   closed happens after feedback or a quiet period.
 * - rejected and duplicate can be reinstated (→ acknowledged) because both are
 *   staff judgements that are sometimes wrong; reinstating is the honest undo.
 * - closed is final: a problem that comes back is a new request with its own
 *   tracking number and service level.
 */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  submitted: ['acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate'],
  acknowledged: ['in_progress', 'resolved', 'rejected', 'duplicate'],
  in_progress: ['resolved', 'rejected', 'duplicate'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: ['acknowledged'],
  duplicate: ['acknowledged'],
};

/** A status change to the same status is never a transition (a message alone is a note). */
export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

const CLOSED_FOR_OPEN311: ReadonlySet<Status> = new Set(['resolved', 'closed', 'rejected', 'duplicate']);

/** Open311 GeoReport v2 knows only open and closed. */
export function open311Status(s: Status): 'open' | 'closed' {
  return CLOSED_FOR_OPEN311.has(s) ? 'closed' : 'open';
}

/** Terminal means no status can follow; only closed, since rejections can be reinstated. */
export function isTerminal(s: Status): boolean {
  return TRANSITIONS[s].length === 0;
}

/** The steps of the happy path, for a parcel-tracking style progress display. */
export const STATUS_ORDER = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;

/**
 * Where a status sits on STATUS_ORDER (0-based), or -1 for rejected and
 * duplicate, which are outcomes off the path rather than steps on it.
 */
export function progressStep(s: Status): number {
  return (STATUS_ORDER as readonly Status[]).indexOf(s);
}
