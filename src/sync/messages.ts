/**
 * Messages between the service worker and its pages, and the Background Sync
 * tag. Both sides check what they receive with the schema: a message from
 * an older or newer worker version must not confuse the page.
 */
import { z } from 'zod/mini';

/** The Background Sync tag whose 'sync' event flushes the outbox. */
export const SYNC_TAG = 'civic-outbox';

/** Why a flush stopped early; codes the UI translates (lastError), never sentences. */
export const syncErrorCodeSchema = z.enum([
  'offline',
  'server',
  'rate_limited',
  'refused',
  'bad_response',
  'storage_full',
  'unexpected',
]);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;

/** The worker flushed (on a 'sync' event): the pages update what they show. */
export const flushedMessageSchema = z.object({
  type: z.literal('civic-flushed'),
  summary: z.object({
    sent: z.number().check(z.int(), z.gte(0)),
    rejected: z.number().check(z.int(), z.gte(0)),
    waiting: z.number().check(z.int(), z.gte(0)),
    error: z.optional(syncErrorCodeSchema),
  }),
});
export type FlushedMessage = z.infer<typeof flushedMessageSchema>;

export function parseWorkerMessage(data: unknown): FlushedMessage | undefined {
  const parsed = flushedMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
