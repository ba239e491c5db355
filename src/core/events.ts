/**
 * Sync events: what a device appends to its outbox and POSTs to /api/sync,
 * and what the server answers for each (accepted with a receipt, or rejected
 * with a reason code). Each event carries a device-made UUIDv7; the server
 * applies it at most once and answers a replay with the same result.
 */
import { z } from 'zod/mini';
import { channelSchema, statusSchema } from './status';
import { requestFieldsSchema, photoRefSchema } from './request';
import { langSchema } from './lang';
import { storableText } from './text';

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
/** A tracking number as printed, for example CD-7K3M9QX3. */
export const trackingSchema = z.string().check(z.regex(/^CD-[2-9A-HJKMNP-Z]{8}$/));
/** The secret access token of a request: 32 base64url characters (≥ 128 bits). */
export const accessTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/));
/** The short access code of a request in canonical form (access-code.ts): 8 characters, no spaces. */
export const shortCodeSchema = z.string().check(z.regex(/^[2-9A-HJKMNP-Z]{8}$/));

const base = { id: uuid, at: instant };

/** Answers to "Is it fixed?" asked with the satisfaction question. */
export const FIXED_ANSWERS = ['yes', 'partly', 'no'] as const;
export type FixedAnswer = (typeof FIXED_ANSWERS)[number];

export const createRequestEvent = z.strictObject({
  ...base,
  type: z.literal('create_request'),
  channel: channelSchema,
  request: requestFieldsSchema,
});

export const logVisitEvent = z.strictObject({
  ...base,
  type: z.literal('log_visit'),
  visit: z.strictObject({
    /** The request the visit was about, when there is one. */
    tracking: z.optional(trackingSchema),
    visited_at: instant,
    place: z.string().check(z.trim(), z.minLength(1), z.maxLength(500), storableText),
    notes: z.string().check(z.maxLength(4000), storableText),
    outcome: z.enum(['resolved', 'follow_up', 'no_access', 'referred']),
    minutes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(24 * 60))),
  }),
});

export const statusChangeEvent = z.strictObject({
  ...base,
  type: z.literal('status_change'),
  tracking: trackingSchema,
  to: statusSchema,
  /** A public message shown to the person. */
  message: z.optional(z.string().check(z.maxLength(4000), storableText)),
  duplicate_of: z.optional(trackingSchema),
});

export const noteEvent = z.strictObject({
  ...base,
  type: z.literal('note'),
  tracking: trackingSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000), storableText),
  public: z.boolean(),
});

export const feedbackEvent = z.strictObject({
  ...base,
  type: z.literal('feedback'),
  tracking: trackingSchema,
  token: accessTokenSchema,
  /** 1 = very dissatisfied … 5 = very satisfied. */
  rating: z.number().check(z.int(), z.gte(1), z.lte(5)),
  /** "Is it fixed?" Optional: devices from before the question send only the rating. */
  fixed: z.optional(z.enum(FIXED_ANSWERS)),
  comment: z.optional(z.string().check(z.maxLength(2000), storableText)),
});

export const attachmentAddedEvent = z.strictObject({
  ...base,
  type: z.literal('attachment_added'),
  /** The create_request event the photo belongs to. */
  request_event_id: uuid,
  photo: photoRefSchema,
});

export const syncEventSchema = z.discriminatedUnion('type', [
  createRequestEvent,
  logVisitEvent,
  statusChangeEvent,
  noteEvent,
  feedbackEvent,
  attachmentAddedEvent,
]);
export type SyncEvent = z.infer<typeof syncEventSchema>;
export type SyncEventType = SyncEvent['type'];

export const MAX_BATCH = 100;
export const syncBatchSchema = z.strictObject({
  events: z.array(syncEventSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});

export const dueDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const receiptSchema = z.strictObject({
  tracking: trackingSchema,
  /** Present only in the answer to the event that created the request. */
  token: z.optional(accessTokenSchema),
  /**
   * With the token, the short code to look the request up on another phone.
   * Optional so receipts from before it existed (and stored ones) still parse.
   */
  short_code: z.optional(shortCodeSchema),
  status: statusSchema,
  /** Local date (jurisdiction time zone) by which to expect action. */
  due: dueDateSchema,
  service_code: z.string(),
  submitted_at: instant,
  language: z.optional(langSchema),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const REASON_CODES = [
  'invalid',
  'unknown_service',
  'unknown_request',
  'missing_attribute',
  'invalid_transition',
  'forbidden',
  'event_id_reused',
  'unknown_photo',
  /** Some text holds characters that cannot be stored (a NUL, half of an emoji); `fields` names where. */
  'unsupported_text',
] as const;
export const reasonCodeSchema = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const eventResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ id: uuid, outcome: z.literal('accepted'), receipt: z.optional(receiptSchema) }),
  z.strictObject({
    id: uuid,
    outcome: z.literal('rejected'),
    reason: reasonCodeSchema,
    /** Which fields were wrong, as paths such as attributes.lamps or location. */
    fields: z.optional(z.array(z.string())),
  }),
]);
export type EventResult = z.infer<typeof eventResultSchema>;

export const syncResponseSchema = z.strictObject({ results: z.array(eventResultSchema) });
export type SyncResponse = z.infer<typeof syncResponseSchema>;

export { langSchema, instant as instantSchema };
