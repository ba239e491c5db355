/**
 * Checks for records read back from IndexedDB. Stored data can be damaged (an
 * old app version, a bug, a browser extension); readers skip what fails rather
 * than crash a page or send garbage. The catalog is checked with the shared
 * src/core schema, the device-only records with the loose shapes below (extra
 * fields pass, so adding a field never hides old records). Outbox entries,
 * read only by the flush, have their own guard (outbox-guard.ts).
 */
import { z } from 'zod/mini';
import { serviceSchema, type Service } from '../core/catalog';
import { langSchema } from '../core/lang';
import { statusSchema } from '../core/status';
import { PHOTO_TYPES } from '../core/limits';
import type { DraftRecord, PhotoRecord, RequestRecord, ServiceRecord } from './records';

const draftValuesSchema = z.object({
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  description: z.string(),
  location: z.object({
    lat: z.optional(z.number()),
    long: z.optional(z.number()),
    accuracy_m: z.optional(z.number()),
    address_string: z.string(),
  }),
  contact: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string(),
    consent_updates: z.boolean(),
  }),
});

const draftSchema = z.object({
  id: z.string().check(z.minLength(1)),
  service_code: z.string().check(z.minLength(1)),
  values: draftValuesSchema,
  step: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

const requestSchema = z.object({
  id: z.string().check(z.minLength(1)),
  local_ref: z.string(),
  service_code: z.string(),
  language: langSchema,
  created_at: z.string(),
  summary: z.string(),
  state: z.enum(['waiting', 'sent', 'rejected']),
  tracking: z.optional(z.string()),
  token: z.optional(z.string()),
  pull_all: z.optional(z.literal(true)),
  short_code: z.optional(z.string()),
  status: z.optional(statusSchema),
  due: z.optional(z.string()),
  history: z.array(z.object({ at: z.string() })),
});

const photoSchema = z.object({
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  owner: z.string().check(z.minLength(1)),
  blob: z.instanceof(Blob),
  type: z.enum(PHOTO_TYPES),
  size: z.number().check(z.int(), z.gte(1)),
  uploaded: z.boolean(),
});

export function isDraftRecord(x: unknown): x is DraftRecord {
  return draftSchema.safeParse(x).success;
}

export function isRequestRecord(x: unknown): x is RequestRecord {
  return requestSchema.safeParse(x).success;
}

export function isPhotoRecord(x: unknown): x is PhotoRecord {
  return photoSchema.safeParse(x).success;
}

export function serviceOf(x: ServiceRecord): Service | undefined {
  const parsed = serviceSchema.safeParse(x.service);
  return parsed.success ? parsed.data : undefined;
}
