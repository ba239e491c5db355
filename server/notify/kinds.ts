/**
 * Which public changes the person is told about, by kind. Decided from the
 * event itself (its status move and message), so a new way of changing a
 * request — staff desk, an officer's device, Open311 — is covered without
 * anyone remembering to call the notifier.
 */
import type { Status } from '../../src/core/status';

export const NOTIFY_KINDS = [
  'acknowledged',
  'status',
  'duplicate',
  'resolved',
  'reopened',
  'message',
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Statuses after which work has stopped; leaving one for an open status is a reopening. */
const STOPPED: ReadonlySet<Status> = new Set(['resolved', 'closed', 'rejected', 'duplicate']);

export interface ChangeFacts {
  readonly kind: string;
  readonly public: boolean;
  readonly statusFrom?: Status | null | undefined;
  readonly statusTo?: Status | null | undefined;
  readonly message?: string | null | undefined;
}

export function notifyKindOf(e: ChangeFacts): NotifyKind | null {
  // The receipt already told the person their request arrived; internal rows are never told.
  if (!e.public || e.kind === 'created') return null;
  const to = e.statusTo;
  if (!to) return e.message ? 'message' : null;
  if (to === 'duplicate') return 'duplicate';
  if (to === 'resolved') return 'resolved';
  if (e.statusFrom && STOPPED.has(e.statusFrom) && !STOPPED.has(to)) return 'reopened';
  if (to === 'acknowledged') return 'acknowledged';
  return 'status';
}
