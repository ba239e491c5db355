/**
 * The record of contact-detail views (admins only, GET /api/staff/access-log):
 * a page at a time, newest first, checked by a schema like every staff call.
 */
import { z } from 'zod/mini';
import { instantSchema } from '../../core/events';
import { call, query } from './http';

const entrySchema = z.object({
  at: instantSchema,
  via: z.enum(['detail', 'officer_work']),
  tracking: z.string(),
  viewer: z.object({ id: z.string(), name: z.nullable(z.string()), email: z.string(), role: z.string() }),
});
export type AccessEntry = z.infer<typeof entrySchema>;

const pageSchema = z.object({
  items: z.array(entrySchema),
  total: z.number(),
  page: z.number(),
  per_page: z.number(),
});
export type AccessPage = z.infer<typeof pageSchema>;

export const ACCESS_LOG_PER_PAGE = 50;

export const fetchAccessLog = (page: number) =>
  call('GET', `/api/staff/access-log${query({ page, per_page: ACCESS_LOG_PER_PAGE })}`, pageSchema);
