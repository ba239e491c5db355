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

/** Where a visit took place: a device fix with its accuracy, or a place typed in, or both. */
export const visitLocationSchema = z.strictObject({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  long: z.number().check(z.gte(-180), z.lte(180)),
  /** Accuracy of the device fix in metres. */
  accuracy_m: z.optional(z.number().check(z.gte(0), z.lte(100000))),
});

/**
 * The person met, only when they agreed to be recorded: without `consent: true`
 * no name or contact may be sent at all.
 */
export const visitPersonSchema = z.strictObject({
  consent: z.literal(true),
  name: z.optional(z.string().check(z.trim(), z.maxLength(200), storableText)),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/))),
  email: z.optional(z.email().check(z.maxLength(254))),
});

export const MAX_VISIT_PHOTOS = 5;

export const logVisitEvent = z.strictObject({
  ...base,
  type: z.literal('log_visit'),
  visit: z
    .strictObject({
      /** The request the visit was about, when there is one. */
      tracking: z.optional(trackingSchema),
      /** The in_person create_request event filed for this person in the same visit. */
      request_event_id: z.optional(uuid),
      visited_at: instant,
      /** An address or place name typed in. */
      place: z.optional(z.string().check(z.trim(), z.maxLength(500), storableText)),
      location: z.optional(visitLocationSchema),
      person: z.optional(visitPersonSchema),
      /** The person's language, when it is not the officer's. */
      language: z.optional(langSchema),
      /** What the person asked for, in the officer's words. */
      asked: z.optional(z.string().check(z.maxLength(4000), storableText)),
      notes: z.string().check(z.maxLength(4000), storableText),
      outcome: z.enum(['resolved', 'follow_up', 'no_access', 'referred']),
      minutes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(24 * 60))),
      photos: z.optional(z.array(photoRefSchema).check(z.maxLength(MAX_VISIT_PHOTOS))),
    })
    .check(
      z.refine((v) => v.location !== undefined || (v.place !== undefined && v.place.length > 0), {
        message: 'location_required',
        path: ['place'],
      }),
    ),
});

export const statusChangeEvent = z.strictObject({
  ...base,
  type: z.literal('status_change'),
  tracking: trackingSchema,
  to: statusSchema,
  /**
   * The status the sender saw when deciding (an officer offline): if the request has moved on
   * meanwhile, the change is refused 'status_changed' rather than applied over someone else's.
   */
  from: z.optional(statusSchema),
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

/** A photo a staff member adds to a request they work on (uploaded under this event's id). */
export const photoAddedEvent = z.strictObject({
  ...base,
  type: z.literal('photo_added'),
  tracking: trackingSchema,
  photo: photoRefSchema,
});

/** The most steps a form has; a reported step beyond it is refused. */
export const MAX_DRAFT_STEP = 50;

/**
 * Anonymous counts a device reports about its drafts: how many were started
 * and how many were given up, per service, language and the step people
 * stopped at. Nothing else — no answers, no draft or device id, no time finer
 * than the day of `at` — so a report cannot be tied to a person. The event id
 * is fresh per report and only makes a replay count once.
 */
export const draftReportEvent = z.strictObject({
  ...base,
  type: z.literal('draft_report'),
  counts: z
    .array(
      z.strictObject({
        service_code: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
        language: langSchema,
        kind: z.enum(['started', 'abandoned']),
        /** For 'abandoned': the step the person last saw, 0 being the first. */
        step: z.optional(z.number().check(z.int(), z.gte(0), z.lte(MAX_DRAFT_STEP))),
        n: z.number().check(z.int(), z.gte(1), z.lte(10_000)),
      }),
    )
    .check(z.minLength(1), z.maxLength(200)),
});

export const syncEventSchema = z.discriminatedUnion('type', [
  createRequestEvent,
  logVisitEvent,
  statusChangeEvent,
  noteEvent,
  feedbackEvent,
  attachmentAddedEvent,
  photoAddedEvent,
  draftReportEvent,
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
  /** The event needs a signed-in staff member and none is (an expired session): sign in, it passes. */
  'not_signed_in',
  /** The request is no longer assigned to the officer who sent the event. */
  'reassigned',
  /** The request's status moved on since the sender saw it (see status_change.from). */
  'status_changed',
  /** Some text holds characters that cannot be stored (a NUL, half of an emoji); `fields` names where. */
  'unsupported_text',
  /** A kiosk request made after the kiosk was revoked (requests queued before are accepted). */
  'kiosk_revoked',
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
    /** The request's status now, when the refusal is about it (status_changed, invalid_transition). */
    status: z.optional(statusSchema),
  }),
]);
export type EventResult = z.infer<typeof eventResultSchema>;

export const syncResponseSchema = z.strictObject({ results: z.array(eventResultSchema) });
export type SyncResponse = z.infer<typeof syncResponseSchema>;

export { langSchema, instant as instantSchema };
