/**
 * The caseload on the device: the requests downloaded from
 * /api/officer/work, kept for the day offline. A new download replaces the
 * list but keeps, per request, the highest history row the officer has
 * already seen, so what happened on the server meanwhile (someone else
 * resolved it, a new note) can be shown as changes until marked seen. A
 * request no longer in the download was reassigned or closed long ago; it
 * is kept, flagged `gone`, while events of this device still refer to it.
 */
import { liveQuery, type Observable } from 'dexie';
import { z } from 'zod/mini';
import { workItemSchema, type WorkEvent, type WorkItem } from '../../core/officer-work';
import type { Status } from '../../core/status';
import { guardWrite } from '../errors';
import { officerDb } from './database';
import { isOutboxEntry, type WorkRecord } from './records';

const workRecordSchema = z.extend(workItemSchema, { seen_seq: z.number(), gone: z.optional(z.boolean()) });

export type StoredWork = WorkRecord & { gone?: boolean };

function isWork(v: unknown): v is StoredWork {
  return workRecordSchema.safeParse(v).success;
}

function maxSeq(item: WorkItem): number {
  return item.history.reduce((m, h) => Math.max(m, h.seq), 0);
}

/** Stores a download. `first`: everything in it counts as seen (nothing has "changed" yet). */
export async function saveWork(items: readonly WorkItem[]): Promise<void> {
  const db = officerDb();
  await guardWrite(() =>
    db.transaction('rw', db.work, db.outbox, async () => {
      const before = new Map((await db.work.toArray()).filter(isWork).map((w) => [w.tracking, w]));
      const mentioned = new Set(
        (await db.outbox.toArray()).flatMap((e) => (isOutboxEntry(e) ? trackingsOf(e.event) : [])),
      );
      const next: StoredWork[] = items.map((item) => ({
        ...item,
        seen_seq: before.get(item.tracking)?.seen_seq ?? maxSeq(item),
      }));
      const kept = new Set(items.map((i) => i.tracking));
      const gone = [...before.values()]
        .filter((w) => !kept.has(w.tracking) && mentioned.has(w.tracking))
        .map((w) => ({ ...w, gone: true }));
      await db.work.clear();
      await db.work.bulkPut([...next, ...gone]);
    }),
  );
}

function trackingsOf(e: {
  type: string;
  tracking?: string;
  visit?: { tracking?: string | undefined };
}): string[] {
  const t = e.tracking ?? e.visit?.tracking;
  return t ? [t] : [];
}

async function allWork(): Promise<StoredWork[]> {
  return (await officerDb().work.toArray()).filter(isWork);
}

export const listWork = allWork;

export function liveWork(): Observable<StoredWork[]> {
  return liveQuery(allWork);
}

export async function getWork(tracking: string): Promise<StoredWork | undefined> {
  const w = await officerDb().work.get(tracking);
  return isWork(w) ? w : undefined;
}

export function liveWorkItem(tracking: string): Observable<StoredWork | undefined> {
  return liveQuery(() => getWork(tracking));
}

/** History rows written by someone else since the officer last looked. */
export function unseenChanges(w: StoredWork): WorkEvent[] {
  return w.history.filter((h) => h.seq > w.seen_seq && h.by !== 'me');
}

export async function markSeen(tracking: string): Promise<void> {
  const db = officerDb();
  await guardWrite(() =>
    db.transaction('rw', db.work, async () => {
      const w = await db.work.get(tracking);
      if (isWork(w)) await db.work.update(tracking, { seen_seq: maxSeq(w) });
    }),
  );
}

/**
 * The status the officer is working from: the server's, moved on by this
 * device's own status changes not yet answered. A new status change says it
 * came from this status, so the server can refuse it if someone moved it meanwhile.
 */
export async function workingStatus(tracking: string): Promise<Status | undefined> {
  const db = officerDb();
  const w = await getWork(tracking);
  if (!w) return undefined;
  let status: Status = w.status;
  for (const e of await db.outbox.orderBy('seq').toArray()) {
    if (!isOutboxEntry(e) || e.state !== 'waiting') continue;
    if (e.event.type === 'status_change' && e.event.tracking === tracking) status = e.event.to;
  }
  return status;
}

export async function savePicture(sha256: string, blob: Blob): Promise<void> {
  await guardWrite(() => officerDb().pictures.put({ sha256, blob }));
}

export async function getPicture(sha256: string): Promise<Blob | undefined> {
  return (await officerDb().pictures.get(sha256))?.blob;
}

export async function missingPictures(): Promise<string[]> {
  const db = officerDb();
  const have = new Set((await db.pictures.toCollection().primaryKeys()).map(String));
  return [
    ...new Set((await allWork()).flatMap((w) => w.photos.filter((p) => p.uploaded).map((p) => p.sha256))),
  ].filter((s) => !have.has(s));
}
