/**
 * Small facts of the officer's device, each checked when read: who is
 * signed in and until when (and whether the server said the session ended),
 * the last successful sync, the last known position, and the counter that
 * orders the outbox.
 */
import { z } from 'zod/mini';
import { officerSessionSchema, type OfficerSession } from '../../core/officer-work';
import { guardWrite } from '../errors';
import { officerDb } from './database';

const positionSchema = z.object({
  lat: z.number(),
  long: z.number(),
  accuracy_m: z.optional(z.number()),
  at: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

const KEYS = {
  session: officerSessionSchema,
  /** True once the server answered 'not signed in': the outbox waits for a new sign-in. */
  signed_out: z.boolean(),
  last_sync_at: z.string(),
  position: positionSchema,
  seq: z.number(),
} as const;
type Keys = typeof KEYS;
export type MetaKey = keyof Keys;
export type MetaValue<K extends MetaKey> = z.infer<Keys[K]>;

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
  const row = await officerDb().meta.get(key);
  const parsed = (KEYS[key] as z.ZodMiniType).safeParse(row?.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export async function setMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
  await guardWrite(() => officerDb().meta.put({ key, value }));
}

export async function saveSession(session: OfficerSession): Promise<void> {
  await guardWrite(() =>
    officerDb().meta.bulkPut([
      { key: 'session', value: session },
      { key: 'signed_out', value: false },
    ]),
  );
}

export function savePosition(p: Omit<Position, 'at'>, now: number = Date.now()): Promise<void> {
  return setMeta('position', { ...p, at: new Date(now).toISOString() });
}
