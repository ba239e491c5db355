/**
 * The staff API as functions the desk's pages call: sign-in, the queue and
 * its counts, one request, actions (one or in bulk), templates, intake,
 * staff list and the catalog. Each returns a Result (http.ts).
 */
import { z } from 'zod/mini';
import { catalogSchema, type Catalog } from '../../core/catalog';
import type { RequestFields } from '../../core/request';
import type { Status } from '../../core/status';
import { call, query, type Result } from './http';
import {
  bulkSchema,
  countsSchema,
  detailSchema,
  intakeReceiptSchema,
  listSchema,
  meSchema,
  templateSchema,
  templatesSchema,
  usersSchema,
  type ResponseTemplate,
} from './schemas';

export type { Result, Problem } from './http';

const okSchema = z.object({ ok: z.boolean() });

export interface StaffTime {
  readonly minutes: number;
  readonly source: 'timer' | 'manual';
}

export const signIn = (email: string, password: string) =>
  call('POST', '/api/auth/login', meSchema, { email, password });
export const signOut = () => call('POST', '/api/auth/logout', okSchema, {});
export const whoAmI = () => call('GET', '/api/auth/me', meSchema);

/** Narrowing filters plus the tab's own (status, open, overdue, due_soon, assigned). */
export type QueueQuery = Record<string, string | number | undefined>;

export const fetchQueue = (q: QueueQuery) => call('GET', `/api/staff/requests${query(q)}`, listSchema);
export const fetchCounts = (q: QueueQuery) =>
  call('GET', `/api/staff/requests/counts${query(q)}`, countsSchema);
export const fetchRequest = (tracking: string) =>
  call('GET', `/api/staff/requests/${encodeURIComponent(tracking)}`, detailSchema);
export const fetchUsers = () => call('GET', '/api/staff/users', usersSchema);

export const fetchCatalog = async (): Promise<Result<Catalog>> => call('GET', '/api/catalog', catalogSchema);

export type Action =
  | { kind: 'acknowledge'; message?: string; due?: string }
  | { kind: 'assign'; user_id: string | null }
  | { kind: 'status'; to: Status; message?: string }
  | { kind: 'reopen'; message?: string }
  | { kind: 'notes'; text: string; public: boolean }
  | { kind: 'duplicate'; of: string; message?: string };

export function act(tracking: string, action: Action, time?: StaffTime) {
  const { kind, ...body } = action;
  return call('POST', `/api/staff/requests/${encodeURIComponent(tracking)}/${kind}`, detailSchema, {
    ...body,
    ...(time ? { time } : {}),
  });
}

export type BulkAction =
  { action: 'acknowledge' } | { action: 'assign'; user_id: string | null } | { action: 'status'; to: Status };

export const actInBulk = (
  action: BulkAction,
  items: readonly { tracking: string; message?: string }[],
  time?: StaffTime,
) => call('POST', '/api/staff/bulk', bulkSchema, { ...action, items, ...(time ? { time } : {}) });

export const fetchTemplates = () => call('GET', '/api/staff/templates', templatesSchema);
const oneTemplate = z.object({ template: templateSchema });
export type TemplateDraft = Omit<ResponseTemplate, 'id'>;
export const saveTemplate = (t: TemplateDraft, id?: string) =>
  id
    ? call('PUT', `/api/staff/templates/${id}`, oneTemplate, t)
    : call('POST', '/api/staff/templates', oneTemplate, t);
export const deleteTemplate = (id: string) => call('DELETE', `/api/staff/templates/${id}`, okSchema);

export const fileIntake = (
  id: string,
  channel: 'phone' | 'counter',
  request: RequestFields,
  time?: StaffTime,
) =>
  call('POST', '/api/staff/intake', intakeReceiptSchema, { id, channel, request, ...(time ? { time } : {}) });

/** Where a photo's bytes are read (staff only; the server checks the session). */
export const photoUrl = (sha256: string) => `/api/attachments/${sha256}`;
