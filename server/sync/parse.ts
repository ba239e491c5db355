/**
 * Reading a sync batch. The envelope must be exact ({ events: [...] }, 1 to
 * 100 items) or the whole call is a 400. Each event is then checked on its
 * own: one that fails the schema but carries a usable id is rejected
 * 'invalid' by itself, so a single malformed event (say, from an app newer
 * than the server) cannot hold the rest of a device's outbox hostage. Text
 * PostgreSQL cannot store is found before the schema looks (any key or value,
 * at any depth) and rejected 'unsupported_text' with the fields named, so the
 * person can be told what to change.
 */
import { z } from 'zod';
import { MAX_BATCH, syncEventSchema, type EventResult, type SyncEvent } from '../../src/core/events';
import { unstorablePaths } from '../../src/core/text';
import { issueFields } from '../issues';

const envelopeSchema = z.strictObject({ events: z.array(z.unknown()).min(1).max(MAX_BATCH) });
const idOnly = z.looseObject({ id: z.uuid() });

export type BatchEntry = { event: SyncEvent } | { rejected: EventResult };

export type ParsedBatch = { ok: true; entries: BatchEntry[] } | { ok: false; fields: string[] };

export function parseBatch(raw: unknown): ParsedBatch {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, fields: issueFields(envelope.error) };
  const entries: BatchEntry[] = [];
  const unidentified: string[] = [];
  for (const [index, item] of envelope.data.events.entries()) {
    const id = idOnly.safeParse(item);
    const unstorable = unstorablePaths(item);
    if (unstorable.length > 0 && id.success) {
      entries.push({
        rejected: {
          id: id.data.id.toLowerCase(),
          outcome: 'rejected',
          reason: 'unsupported_text',
          fields: unstorable,
        },
      });
      continue;
    }
    const parsed = syncEventSchema.safeParse(item);
    if (parsed.success) entries.push({ event: parsed.data });
    else if (id.success)
      entries.push({
        rejected: {
          id: id.data.id.toLowerCase(),
          outcome: 'rejected',
          reason: 'invalid',
          fields: issueFields(parsed.error),
        },
      });
    else unidentified.push(`events.${index}.id`);
  }
  return unidentified.length > 0 ? { ok: false, fields: unidentified } : { ok: true, entries };
}
