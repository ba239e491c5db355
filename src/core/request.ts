/**
 * What a person fills in for a request: the answers to the service's
 * attributes plus the built-in fields (description, location, photos, contact).
 */
import { z } from 'zod';
import { langSchema } from './lang';

export const MAX_DESCRIPTION = 4000;
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** One answer: text, number, ISO datetime (as text) or a list of value keys. */
export const attributeAnswerSchema = z.union([
  z.string().max(4000),
  z.number().finite(),
  z.array(z.string().max(64)).max(50),
]);
export type AttributeAnswer = z.infer<typeof attributeAnswerSchema>;

export const locationSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90).optional(),
    long: z.number().min(-180).max(180).optional(),
    /** Accuracy of a device fix in metres. */
    accuracy_m: z.number().min(0).max(100000).optional(),
    /** An address or landmark in the person's words. */
    address_string: z.string().trim().max(500).optional(),
    address_id: z.string().trim().max(200).optional(),
  })
  .refine(
    (l) =>
      (l.lat !== undefined && l.long !== undefined) ||
      (l.address_string !== undefined && l.address_string.length > 0) ||
      (l.address_id !== undefined && l.address_id.length > 0),
    { message: 'location_required' },
  );
export type Location = z.infer<typeof locationSchema>;

export const contactSchema = z.strictObject({
  name: z.string().trim().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/)
    .optional(),
  email: z.email().max(254).optional(),
  /** Whether the person agreed to receive updates on the contact details given. */
  consent_updates: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const photoRefSchema = z.strictObject({
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.enum(PHOTO_TYPES),
  size: z.number().int().min(1).max(MAX_PHOTO_BYTES),
});
export type PhotoRef = z.infer<typeof photoRefSchema>;

export const requestFieldsSchema = z.strictObject({
  service_code: z.string().min(1).max(64),
  attributes: z.record(z.string().max(64), attributeAnswerSchema),
  description: z.string().max(MAX_DESCRIPTION).optional(),
  location: locationSchema,
  contact: contactSchema.optional(),
  /** The language the person used; updates come back in it. */
  language: langSchema,
  photos: z.array(photoRefSchema).max(MAX_PHOTOS).optional(),
});
export type RequestFields = z.infer<typeof requestFieldsSchema>;
