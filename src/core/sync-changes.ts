/**
 * The answer of GET /api/sync/changes?since=CURSOR: what changed since the
 * cursor on the requests whose access tokens the device sent (header
 * X-Civic-Tokens), and the cursor to ask from next time. Checked on the
 * device before anything is stored.
 */
import { z } from 'zod/mini';
import { dueDateSchema, instantSchema, trackingSchema } from './events';
import { statusSchema } from './status';

export const CHANGES_PATH = '/api/sync/changes';
export const TOKENS_HEADER = 'X-Civic-Tokens';
/** Tokens per call: keeps the header well under the 8 KB many proxies allow. */
export const MAX_TOKENS_PER_CALL = 100;

export const historyEntrySchema = z.strictObject({
  at: instantSchema,
  status: z.optional(statusSchema),
  /** A public message to the person. */
  message: z.optional(z.string().check(z.maxLength(4000))),
});

export const requestChangeSchema = z.strictObject({
  tracking: trackingSchema,
  status: statusSchema,
  due: dueDateSchema,
  updated_at: instantSchema,
  /** The request's public history, complete, oldest first. */
  history: z.array(historyEntrySchema),
});
export type RequestChange = z.infer<typeof requestChangeSchema>;

export const syncChangesSchema = z.strictObject({
  changes: z.array(requestChangeSchema),
  cursor: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SyncChanges = z.infer<typeof syncChangesSchema>;
