/**
 * The shapes the officer's database stores, with the loose checks applied
 * when they are read back (a damaged record is skipped, never shown or sent).
 * Events are re-checked with the shared sync schema before they are sent.
 */
import { z } from 'zod/mini';
import { receiptSchema, syncEventSchema, type Receipt, type SyncEvent } from '../../core/events';
import type { WorkItem } from '../../core/officer-work';
import { PHOTO_TYPES } from '../../core/limits';
import type { Status } from '../../core/status';

export type OutboxState = 'waiting' | 'sent' | 'refused';

export interface OutboxEntry {
  /** The event's id. */
  readonly id: string;
  /** Local order: events are sent in it, whatever their ids say. */
  readonly seq: number;
  readonly event: SyncEvent;
  readonly created_at: string;
  state: OutboxState;
  /** The server's answer: a receipt when accepted, a reason (and the request's status now) when refused. */
  receipt?: Receipt;
  reason?: string;
  status?: Status;
  fields?: string[];
  answered_at?: string;
  /** Why the last attempt did not get an answer (offline, not_signed_in, unknown_photo, server…). */
  last_error?: string | undefined;
}

export interface PhotoEntry {
  /** The event the photo belongs to (log_visit, create_request, photo_added); its upload key. */
  readonly owner: string;
  readonly sha256: string;
  readonly blob: Blob;
  readonly type: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly size: number;
  /** 0 or 1 (IndexedDB cannot index booleans). */
  uploaded: 0 | 1;
  readonly added_at: string;
}

export interface PictureEntry {
  readonly sha256: string;
  readonly blob: Blob;
}

/** A downloaded request and the highest history row the officer has looked at. */
export interface WorkRecord extends WorkItem {
  seen_seq: number;
}

const outboxSchema = z.object({
  id: z.string(),
  seq: z.number(),
  event: syncEventSchema,
  created_at: z.string(),
  state: z.enum(['waiting', 'sent', 'refused']),
  receipt: z.optional(receiptSchema),
  reason: z.optional(z.string()),
});

const photoSchema = z.object({
  owner: z.string(),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  blob: z.instanceof(Blob),
  type: z.enum(PHOTO_TYPES),
  size: z.number(),
  uploaded: z.union([z.literal(0), z.literal(1)]),
});

export function isOutboxEntry(v: unknown): v is OutboxEntry {
  return outboxSchema.safeParse(v).success;
}

export function isPhotoEntry(v: unknown): v is PhotoEntry {
  return photoSchema.safeParse(v).success;
}
