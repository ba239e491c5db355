/**
 * What an officer's device downloads for a day offline (GET /api/officer/work):
 * the open requests assigned to them with details, contact (the officer may
 * need to call the person), full history (internal notes included) and photo
 * references, plus when their session ends. Checked on the device before it
 * is stored. `seq` numbers each history row, so after a sync the device can
 * tell what happened on the server that it had not seen.
 */
import { z } from 'zod/mini';
import { attributeAnswerSchema, photoRefSchema } from './request';
import { dueDateSchema, instantSchema, trackingSchema } from './events';
import { channelSchema, statusSchema } from './status';

export const OFFICER_WORK_PATH = '/api/officer/work';
export const OFFICER_SESSION_PATH = '/api/officer/session';

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

export const workEventSchema = z.strictObject({
  seq: z.number(),
  kind: z.string().check(z.maxLength(32)),
  /** 'me' for the officer's own entries, otherwise the staff member's name or a role word. */
  by: z.string().check(z.maxLength(200)),
  at: instantSchema,
  public: z.boolean(),
  status_from: z.nullable(statusSchema),
  status_to: z.nullable(statusSchema),
  message: text(4000),
});
export type WorkEvent = z.infer<typeof workEventSchema>;

export const workPhotoSchema = z.extend(photoRefSchema, { uploaded: z.boolean() });

export const workItemSchema = z.strictObject({
  tracking: trackingSchema,
  service_code: z.string().check(z.maxLength(64)),
  status: statusSchema,
  channel: channelSchema,
  language: z.string().check(z.maxLength(16)),
  description: text(4000),
  attributes: z.record(z.string(), attributeAnswerSchema),
  lat: z.nullable(z.number()),
  long: z.nullable(z.number()),
  accuracy_m: z.nullable(z.number()),
  address_string: text(500),
  contact: z.nullable(
    z.strictObject({ name: text(200), phone: text(40), email: text(254), consent_updates: z.boolean() }),
  ),
  due: dueDateSchema,
  overdue: z.boolean(),
  submitted_at: instantSchema,
  updated_at: instantSchema,
  history: z.array(workEventSchema),
  photos: z.array(workPhotoSchema),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const officerSessionSchema = z.strictObject({
  user: z.strictObject({
    id: z.string(),
    email: z.string(),
    name: z.nullable(z.string()),
    role: z.string(),
  }),
  expires_at: instantSchema,
});
export type OfficerSession = z.infer<typeof officerSessionSchema>;

export const officerWorkSchema = z.strictObject({
  items: z.array(workItemSchema),
  fetched_at: instantSchema,
  expires_at: instantSchema,
});
export type OfficerWork = z.infer<typeof officerWorkSchema>;
