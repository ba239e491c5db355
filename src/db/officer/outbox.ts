/**
 * The officer's outbox: every event made on this device, kept after it is
 * answered so the sync summary can say what was sent and what was refused
 * and why. Appending an event stores its photos in the same transaction, so
 * a visit is never saved without them or they without it.
 */
import { liveQuery, type Observable } from 'dexie';
import type { EventResult, SyncEvent } from '../../core/events';
import { guardWrite } from '../errors';
import { officerDb } from './database';
import { isOutboxEntry, type OutboxEntry, type OutboxState } from './records';

/**
 * Appends events in the order given, each after everything already there.
 * Their photos were staged under their ids (photos.ts) and go with them.
 */
export async function appendEvents(events: readonly SyncEvent[], now: number = Date.now()): Promise<void> {
  const db = officerDb();
  await guardWrite(() =>
    db.transaction('rw', db.outbox, db.meta, async () => {
      const row = await db.meta.get('seq');
      let seq = typeof row?.value === 'number' ? row.value : 0;
      const created_at = new Date(now).toISOString();
      for (const event of events) {
        seq++;
        await db.outbox.add({ id: event.id, seq, event, created_at, state: 'waiting' });
      }
      await db.meta.put({ key: 'seq', value: seq });
    }),
  );
}

async function entries(): Promise<OutboxEntry[]> {
  return (await officerDb().outbox.orderBy('seq').toArray()).filter(isOutboxEntry);
}

/** Events still to send, oldest first. */
export async function waitingEvents(): Promise<OutboxEntry[]> {
  return (await entries()).filter((e) => e.state === 'waiting');
}

export function liveOutbox(): Observable<OutboxEntry[]> {
  return liveQuery(entries);
}

export async function countByState(): Promise<Record<OutboxState, number>> {
  const out: Record<OutboxState, number> = { waiting: 0, sent: 0, refused: 0 };
  for (const e of await entries()) out[e.state]++;
  return out;
}

/**
 * Writes the server's answers. Refusals the officer can cure (sign in again,
 * upload the photo first) keep the event waiting, with the reason noted.
 */
const CURABLE = new Set(['not_signed_in', 'forbidden', 'unknown_photo']);

export async function recordResults(
  results: readonly EventResult[],
  now: number = Date.now(),
): Promise<void> {
  const db = officerDb();
  const at = new Date(now).toISOString();
  await guardWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      for (const r of results) {
        const entry = await db.outbox.get(r.id);
        if (!entry || entry.state !== 'waiting') continue;
        if (r.outcome === 'accepted')
          await db.outbox.update(r.id, {
            state: 'sent',
            answered_at: at,
            ...(r.receipt ? { receipt: r.receipt } : {}),
            last_error: undefined,
          });
        else if (CURABLE.has(r.reason)) await db.outbox.update(r.id, { last_error: r.reason });
        else
          await db.outbox.update(r.id, {
            state: 'refused',
            answered_at: at,
            reason: r.reason,
            ...(r.status ? { status: r.status } : {}),
            ...(r.fields ? { fields: r.fields } : {}),
          });
      }
    }),
  );
}

export async function noteFailure(ids: readonly string[], error: string): Promise<void> {
  const db = officerDb();
  await guardWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      for (const id of ids) await db.outbox.update(id, { last_error: error });
    }),
  );
}

export async function getEntry(id: string): Promise<OutboxEntry | undefined> {
  const e = await officerDb().outbox.get(id);
  return isOutboxEntry(e) ? e : undefined;
}
