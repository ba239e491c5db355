/**
 * The desk's catalog calls (managers and admins, /api/staff/catalog): every
 * service on or off with its version, one service with its history, add,
 * save a new version on the one it was made on, switch on or off. Answers
 * are checked by the core serviceSchema, like the catalog a device stores.
 */
import { z } from 'zod/mini';
import { serviceSchema, type Service } from '../../core/catalog';
import { instantSchema } from '../../core/events';
import { call } from './http';

const listedSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  group: z.string(),
  version: z.number(),
  active: z.boolean(),
  updated_at: instantSchema,
  updated_by: z.nullable(z.string()),
});
export type ListedService = z.infer<typeof listedSchema>;

const versionSchema = z.object({
  version: z.number(),
  active: z.boolean(),
  created_at: instantSchema,
  created_by: z.nullable(z.string()),
});
export type ServiceVersion = z.infer<typeof versionSchema>;

const savedSchema = z.object({ service: serviceSchema, active: z.boolean() });
const oneSchema = z.extend(savedSchema, { versions: z.array(versionSchema) });
export type DeskService = z.infer<typeof oneSchema>;

const path = (code: string) => `/api/staff/catalog/${encodeURIComponent(code)}`;

export const fetchDeskCatalog = () =>
  call('GET', '/api/staff/catalog', z.object({ services: z.array(listedSchema) }));
export const fetchDeskService = (code: string) => call('GET', path(code), oneSchema);
/** `base`: the version the change was made on; null adds a new service. */
export const saveDeskService = (definition: unknown, base: number | null, code?: string) =>
  base === null || code === undefined
    ? call('POST', '/api/staff/catalog', savedSchema, { service: definition })
    : call('PUT', path(code), savedSchema, { service: definition, base_version: base });
export const switchDeskService = (code: string, active: boolean, base: number) =>
  call('POST', `${path(code)}/active`, savedSchema, { active, base_version: base });

export type { Service };
