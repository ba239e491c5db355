/**
 * What a person fills in for a request: the answers to the service's
 * attributes plus the built-in fields (description, location, photos, contact).
 */
import { z } from 'zod/mini';
import { langSchema } from './lang';
import { MAX_DESCRIPTION, MAX_PHOTOS, MAX_PHOTO_BYTES, PHOTO_TYPES } from './limits';
import { storableText } from './text';

export { MAX_DESCRIPTION, MAX_PHOTOS, MAX_PHOTO_BYTES, PHOTO_TYPES };

/** One answer: text, number, ISO datetime (as text) or a list of value keys. */
export const attributeAnswerSchema = z.union([
  z.string().check(z.maxLength(4000), storableText),
  z.number(),
  z.array(z.string().check(z.maxLength(64), storableText)).check(z.maxLength(50)),
]);
export type AttributeAnswer = z.infer<typeof attributeAnswerSchema>;

export const locationSchema = z
  .strictObject({
    lat: z.optional(z.number().check(z.gte(-90), z.lte(90))),
    long: z.optional(z.number().check(z.gte(-180), z.lte(180))),
    /** Accuracy of a device fix in metres. */
    accuracy_m: z.optional(z.number().check(z.gte(0), z.lte(100000))),
    /** An address or landmark in the person's words. */
    address_string: z.optional(z.string().check(z.trim(), z.maxLength(500), storableText)),
    address_id: z.optional(z.string().check(z.trim(), z.maxLength(200), storableText)),
  })
  .check(
    z.refine(
      (l) =>
        (l.lat !== undefined && l.long !== undefined) ||
        (l.address_string !== undefined && l.address_string.length > 0) ||
        (l.address_id !== undefined && l.address_id.length > 0),
      { message: 'location_required' },
    ),
  );
export type Location = z.infer<typeof locationSchema>;

/** Contact details the person may agree to be told on (web push is agreed per device, in-app always). */
export const CONSENT_CHANNELS = ['email', 'sms'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const contactSchema = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.maxLength(200), storableText)),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/))),
  email: z.optional(z.email().check(z.maxLength(254))),
  /** Whether the person agreed to receive updates on the contact details given. */
  consent_updates: z.boolean(),
  /**
   * Which of the details given the consent covers. Absent (devices from before
   * it existed): every detail given, e-mail and phone alike.
   */
  consent_channels: z.optional(z.array(z.enum(CONSENT_CHANNELS)).check(z.maxLength(CONSENT_CHANNELS.length))),
});
export type Contact = z.infer<typeof contactSchema>;

export const photoRefSchema = z.strictObject({
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  type: z.enum(PHOTO_TYPES),
  size: z.number().check(z.int(), z.gte(1), z.lte(MAX_PHOTO_BYTES)),
});
export type PhotoRef = z.infer<typeof photoRefSchema>;

export const requestFieldsSchema = z.strictObject({
  service_code: z.string().check(z.minLength(1), z.maxLength(64), storableText),
  attributes: z.record(z.string().check(z.maxLength(64), storableText), attributeAnswerSchema),
  description: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION), storableText)),
  location: locationSchema,
  contact: z.optional(contactSchema),
  /** The language the person used; updates come back in it. */
  language: langSchema,
  photos: z.optional(z.array(photoRefSchema).check(z.maxLength(MAX_PHOTOS))),
  /**
   * The version of the service's definition the form was begun on (catalog.ts). Absent: the
   * current one. Answers to questions removed since are kept (the server adds them to the
   * description) and questions made required since do not block it.
   */
  service_version: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type RequestFields = z.infer<typeof requestFieldsSchema>;
