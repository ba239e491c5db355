/**
 * The outbox as the flush sees it: which entries are due, in what order, and
 * which photos must be uploaded first; attempts and errors are recorded on the
 * entries so the backoff survives a reload. No DOM (service worker too).
 */
import type { SyncEvent } from '../core/events';
import { db } from './database';
import { guardWrite } from './errors';
import { isPhotoRecord } from './guards';
import { outboxEvent } from './outbox-guard';
import type { OutboxRecord, PhotoRecord } from './records';

export interface QueuedEvent {
  readonly entry: OutboxRecord;
  readonly event: SyncEvent;
}

/** Within one submission the request goes first, then its photos, whatever the ids say. */
const RANK: Partial<Record<SyncEvent['type'], number>> = { create_request: 0, attachment_added: 1 };

function byQueueOrder(a: QueuedEvent, b: QueuedEvent): number {
  return (
    a.entry.created_at.localeCompare(b.entry.created_at) ||
    (RANK[a.event.type] ?? 2) - (RANK[b.event.type] ?? 2) ||
    a.entry.id.localeCompare(b.entry.id)
  );
}

/**
 * Entries to send now, oldest first. `force` ignores the backoff (the person
 * pressed "Send now", or the network came back). Damaged entries and parked
 * refusals are skipped; so is a photo link whose request is still queued but
 * not due, because the server would not know the request yet.
 */
export async function dueEvents(now: number, force: boolean): Promise<QueuedEvent[]> {
  const all = (await db.outbox.toArray()).flatMap((entry) => {
    const event = outboxEvent(entry);
    return event && entry.rejected === undefined ? [{ entry, event }] : [];
  });
  const isDue = (q: QueuedEvent): boolean => force || q.entry.next_attempt_at <= now;
  const waitingRequests = new Set(
    all.filter((q) => q.event.type === 'create_request' && !isDue(q)).map((q) => q.entry.id),
  );
  return all
    .filter(
      (q) =>
        isDue(q) && !(q.event.type === 'attachment_added' && waitingRequests.has(q.event.request_event_id)),
    )
    .sort(byQueueOrder);
}

/** The earliest time an entry becomes due, for the page's retry timer; undefined when none waits. */
export async function nextAttemptAt(): Promise<number | undefined> {
  const first = await db.outbox.orderBy('next_attempt_at').first();
  return first && first.rejected === undefined ? first.next_attempt_at : undefined;
}

/** Counts a failed attempt on each entry; `delayFor(attempts)` is the backoff policy. */
export async function recordFailure(
  ids: readonly string[],
  error: string,
  now: number,
  delayFor: (attempts: number) => number,
): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      for (const id of ids) {
        const entry = await db.outbox.get(id);
        // Gone (answered meanwhile) or parked after a refusal: nothing to retry.
        if (!entry || entry.rejected !== undefined) continue;
        const attempts = (entry.attempts || 0) + 1;
        await db.outbox.update(id, {
          attempts,
          next_attempt_at: now + delayFor(attempts),
          last_error: error,
        });
      }
    }),
  );
}

/** Photos of queued events whose bytes the server does not have yet. */
export async function photosToUpload(events: readonly QueuedEvent[]): Promise<PhotoRecord[]> {
  const out: PhotoRecord[] = [];
  for (const { event } of events) {
    if (event.type !== 'attachment_added') continue;
    const photo = await db.photos.get([event.request_event_id, event.photo.sha256]);
    if (isPhotoRecord(photo) && !photo.uploaded) out.push(photo);
  }
  return out;
}

export async function markUploaded(photo: PhotoRecord): Promise<void> {
  await guardWrite(() => db.photos.update([photo.owner, photo.sha256], { uploaded: true }));
}
