/**
 * The `meta` table: small facts kept as key/value pairs, each key with the
 * schema its value is checked against when read back (a damaged value reads
 * as absent, never as a wrong type).
 */
import { z } from 'zod/mini';
import { jurisdictionSchema } from '../core/catalog';
import { langSchema } from '../core/lang';
import { db } from './database';

export const META = {
  /** The jurisdiction from the last catalog: name, calendar for due dates, map centre. */
  jurisdiction: jurisdictionSchema,
  /** ETag of the catalog answer each language's translations came from, for a conditional GET. */
  catalogEtags: z.partialRecord(langSchema, z.string()),
  /** When the catalog was last fetched (ISO), so settings can say how fresh it is. */
  catalogFetchedAt: z.string(),
  /** Opaque cursor of the last change pulled from /api/sync/changes. */
  syncCursor: z.string(),
  /** The language the person last used, for events built without a page (see submit). */
  language: langSchema,
} as const;

export type MetaKey = keyof typeof META;
export type MetaValue<K extends MetaKey> = z.infer<(typeof META)[K]>;

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  if (!row) return undefined;
  const parsed = META[key].safeParse(row.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export async function setMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
  await db.meta.put({ key, value });
}
