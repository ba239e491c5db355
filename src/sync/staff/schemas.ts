/**
 * What the staff API answers, as zod/mini schemas. Loose objects: a newer
 * server may add fields, which the desk ignores rather than refuses.
 */
import { z } from 'zod/mini';
import { dueDateSchema, instantSchema, trackingSchema } from '../../core/events';
import { langSchema } from '../../core/lang';
import { channelSchema, statusSchema } from '../../core/status';

export const roleSchema = z.enum(['agent', 'officer', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: roleSchema,
});
export type StaffUser = z.infer<typeof staffUserSchema>;
export const meSchema = z.object({ user: staffUserSchema });
export const usersSchema = z.object({ users: z.array(staffUserSchema) });

export const listItemSchema = z.object({
  tracking: trackingSchema,
  service_code: z.string(),
  group_code: z.string(),
  status: statusSchema,
  channel: channelSchema,
  language: z.string(),
  due: dueDateSchema,
  overdue: z.boolean(),
  submitted_at: instantSchema,
  assigned_to: z.nullable(z.string()),
  address_string: z.nullable(z.string()),
  summary: z.nullable(z.string()),
});
export type ListItem = z.infer<typeof listItemSchema>;
export const listSchema = z.object({
  items: z.array(listItemSchema),
  total: z.number(),
  page: z.number(),
  per_page: z.number(),
});
export type QueueList = z.infer<typeof listSchema>;

export const countsSchema = z.object({
  new: z.number(),
  overdue: z.number(),
  due_soon: z.number(),
  mine: z.number(),
  unassigned: z.number(),
});
export type TabCounts = z.infer<typeof countsSchema>;

const personSchema = z.object({ id: z.string(), name: z.nullable(z.string()), email: z.string() });

export const eventSchema = z.object({
  seq: z.number(),
  kind: z.string(),
  actor: z.string(),
  actor_name: z.nullable(z.string()),
  at: instantSchema,
  public: z.boolean(),
  status_from: z.nullable(statusSchema),
  status_to: z.nullable(statusSchema),
  message: z.nullable(z.string()),
  data: z.nullable(z.record(z.string(), z.unknown())),
  staff_minutes: z.nullable(z.number()),
  staff_time_source: z.nullable(z.string()),
});
export type HistoryEvent = z.infer<typeof eventSchema>;

export const photoSchema = z.object({
  sha256: z.string(),
  type: z.string(),
  size: z.number(),
  uploaded: z.boolean(),
  /** Set by the server when a photo named by a link (Open311 media_url) could not be fetched. */
  fetch_failed: z.optional(z.boolean()),
});

export const detailSchema = z.object({
  tracking: trackingSchema,
  service_code: z.string(),
  status: statusSchema,
  next_statuses: z.array(statusSchema),
  channel: channelSchema,
  language: z.string(),
  description: z.nullable(z.string()),
  attributes: z.record(z.string(), z.unknown()),
  location: z.object({
    lat: z.nullable(z.number()),
    long: z.nullable(z.number()),
    accuracy_m: z.nullable(z.number()),
    address_string: z.nullable(z.string()),
    address_id: z.nullable(z.string()),
  }),
  media_url: z.nullable(z.string()),
  photos: z.array(photoSchema),
  /** Photos named by links (Open311 media_url), fetched by the server in the background. */
  media_links: z.optional(z.array(z.object({ url: z.string(), state: z.string() }))),
  contact: z.nullable(
    z.object({
      name: z.nullable(z.string()),
      phone: z.nullable(z.string()),
      email: z.nullable(z.string()),
      consent_updates: z.boolean(),
    }),
  ),
  due: dueDateSchema,
  overdue: z.boolean(),
  overdue_working_days: z.number(),
  submitted_at: instantSchema,
  assigned_to: z.nullable(z.string()),
  assignee: z.nullable(personSchema),
  taken_by: z.nullable(personSchema),
  duplicate_of: z.nullable(z.string()),
  staff_minutes: z.number(),
  events: z.array(eventSchema),
});
export type RequestDetail = z.infer<typeof detailSchema>;

export const templateStatuses = [
  'acknowledged',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;
export const templateSchema = z.object({
  id: z.string(),
  service_code: z.nullable(z.string()),
  status: z.enum(templateStatuses),
  name: z.string(),
  texts: z.record(z.string(), z.string()),
});
export type ResponseTemplate = z.infer<typeof templateSchema>;
export const templatesSchema = z.object({
  templates: z.array(templateSchema),
  languages: z.array(langSchema),
  default_language: langSchema,
});
export type TemplateList = z.infer<typeof templatesSchema>;

export const bulkSchema = z.object({
  done: z.number(),
  results: z.array(z.object({ tracking: z.string(), ok: z.boolean(), error: z.optional(z.string()) })),
});
export type BulkOutcome = z.infer<typeof bulkSchema>;

export const intakeReceiptSchema = z.object({
  receipt: z.object({ tracking: trackingSchema, due: dueDateSchema, status: statusSchema }),
});
