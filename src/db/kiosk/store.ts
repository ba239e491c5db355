/**
 * What a kiosk keeps on the device, and what it forgets. The kiosk's own
 * database (KIOSK_DB_NAME, switched to by useKioskDatabase) holds:
 *
 *   meta 'kiosk.info'      id, name and settings from the server (no personal data)
 *   meta 'kiosk.revoked'   when the server said the kiosk was revoked
 *   meta 'kiosk.problems'  requests the server refused: local reference, service, reason — no content
 *   services, meta         the catalog, as on a citizen's phone
 *   drafts, photos         the one form in progress, until it is sent or the kiosk resets
 *   outbox (+ its photos)  submissions not yet delivered; gone the moment the receipt is stored
 *   requests               only while a receipt is being read for the screen (then purged)
 *
 * purgeKiosk() removes everything personal except undelivered submissions and
 * what the caller keeps (the current draft, a receipt being read). No screen
 * reads the outbox, so a waiting submission is never shown to the next person.
 */
import { z } from 'zod/mini';
import { kioskInfoSchema, type KioskInfo } from '../../core/kiosk';
import { instantSchema } from '../../core/events';
import { db } from '../database';
import { guardWrite } from '../errors';
import { outboxEvent } from '../outbox-guard';
import type { OutboxRecord } from '../records';

export { useKioskDatabase } from '../database';

const infoSchema = kioskInfoSchema.shape.kiosk;
const problemSchema = z.object({
  local_ref: z.string(),
  service_code: z.string(),
  reason: z.string(),
  at: instantSchema,
});
export type KioskProblem = z.infer<typeof problemSchema>;
const problemsSchema = z.array(problemSchema);

const KEYS = { info: 'kiosk.info', revoked: 'kiosk.revoked', problems: 'kiosk.problems' } as const;

async function read<S extends z.ZodMiniType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
  const row = await db.meta.get(key);
  const parsed = row ? schema.safeParse(row.value) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

export const getKioskInfo = (): Promise<KioskInfo | undefined> => read(KEYS.info, infoSchema);
export const getKioskRevoked = (): Promise<string | undefined> => read(KEYS.revoked, instantSchema);
export const getKioskProblems = async (): Promise<KioskProblem[]> =>
  (await read(KEYS.problems, problemsSchema)) ?? [];

export async function saveKioskInfo(info: KioskInfo): Promise<void> {
  await guardWrite(() => db.meta.put({ key: KEYS.info, value: info }));
}

export async function markKioskRevoked(at: string): Promise<void> {
  await guardWrite(() => db.meta.put({ key: KEYS.revoked, value: at }));
}

/** A receipt read off the device for the screen: everything the receipt page shows. */
export interface KioskReceipt {
  readonly tracking: string;
  readonly token?: string;
  /** The 8-character access code, short enough to copy from paper. */
  readonly short_code?: string;
  readonly due: string;
  readonly service_code: string;
}

export type SentOutcome =
  { state: 'sent'; receipt: KioskReceipt } | { state: 'waiting' } | { state: 'rejected'; reason: string };

/** What became of a submission, read before purgeKiosk() removes its record. */
export async function sentOutcome(id: string): Promise<SentOutcome> {
  const r = await db.requests.get(id);
  if (r?.state === 'sent' && r.tracking && r.due)
    return {
      state: 'sent',
      receipt: {
        tracking: r.tracking,
        ...(r.token ? { token: r.token } : {}),
        ...(r.short_code ? { short_code: r.short_code } : {}),
        due: r.due,
        service_code: r.service_code,
      },
    };
  if (r?.state === 'rejected') return { state: 'rejected', reason: r.rejected?.reason ?? 'invalid' };
  return { state: 'waiting' };
}

/** Ids of create_request events still to deliver: their photos must stay until then. */
function pendingOwners(entries: readonly OutboxRecord[]): Set<string> {
  const owners = new Set<string>();
  for (const entry of entries) {
    if (entry.rejected) continue;
    const event = outboxEvent(entry);
    if (event?.type === 'create_request') owners.add(event.id);
    if (event?.type === 'attachment_added') owners.add(event.request_event_id);
  }
  return owners;
}

/**
 * Removes every personal detail the kiosk does not need: request records
 * (delivered, refused or waiting — the outbox has what still must go), drafts
 * other than `keepDraft`, photos nobody still needs, outbox entries parked
 * after a refusal, and the last language used. Refusals are noted without
 * their content, for staff, and returned. One transaction: a reader sees
 * before or after.
 */
export async function purgeKiosk(keepDraft?: string): Promise<KioskProblem[]> {
  return guardWrite(() =>
    db.transaction('rw', [db.requests, db.drafts, db.photos, db.outbox, db.meta], async () => {
      const refused = (await db.requests.toArray()).filter((r) => r.state === 'rejected');
      const noted = refused.map((r) => ({
        local_ref: r.local_ref,
        service_code: r.service_code,
        reason: r.rejected?.reason ?? 'invalid',
        at: r.created_at,
      }));
      if (noted.length > 0)
        await db.meta.put({
          key: KEYS.problems,
          value: [...(await getKioskProblems()), ...noted].slice(-50),
        });
      await db.requests.clear();
      await db.drafts.filter((d) => d.id !== keepDraft).delete();
      const entries = await db.outbox.toArray();
      await db.outbox.bulkDelete(entries.filter((e) => e.rejected).map((e) => e.id));
      const keep = pendingOwners(entries);
      if (keepDraft) keep.add(keepDraft);
      await db.photos.filter((p) => !keep.has(p.owner)).delete();
      await db.meta.delete('language');
      return noted;
    }),
  );
}

/** Whether anything personal waits to be delivered (for the staff line on the welcome screen). */
export async function undeliveredCount(): Promise<number> {
  return db.outbox.filter((e) => !e.rejected && outboxEvent(e)?.type === 'create_request').count();
}
