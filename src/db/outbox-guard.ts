/**
 * The check for outbox entries read back from IndexedDB (see guards.ts for
 * why records are checked). Apart from the other guards because only the
 * flush reads the outbox, and the event schemas need not load with a page.
 */
import { z } from 'zod/mini';
import { syncEventSchema, type SyncEvent } from '../core/events';
import type { OutboxRecord } from './records';

const outboxSchema = z.object({
  id: z.string().check(z.minLength(1)),
  attempts: z.number().check(z.int(), z.gte(0)),
  next_attempt_at: z.number(),
});

/** The outbox entry's event, re-validated with the schema the server uses; undefined if damaged. */
export function outboxEvent(x: OutboxRecord): SyncEvent | undefined {
  if (!outboxSchema.safeParse(x).success) return undefined;
  const parsed = syncEventSchema.safeParse(x.event);
  return parsed.success && parsed.data.id === x.id ? parsed.data : undefined;
}
