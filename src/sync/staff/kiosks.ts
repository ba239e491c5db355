/**
 * The desk's kiosk calls (admins only, /api/staff/kiosks): the list, register
 * (answered once with the enrolment link), change, a new link, revoke. Each
 * answer is checked by a schema, like every staff call (http.ts).
 */
import { z } from 'zod/mini';
import { instantSchema } from '../../core/events';
import { kioskSettingsSchema, type KioskSettings } from '../../core/kiosk';
import { call } from './http';

const kioskSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['waiting', 'enrolled', 'revoked']),
  settings: kioskSettingsSchema,
  created_at: instantSchema,
  enrolled_at: z.nullable(instantSchema),
  revoked_at: z.nullable(instantSchema),
  last_seen_at: z.nullable(instantSchema),
});
export type DeskKiosk = z.infer<typeof kioskSchema>;

const listedSchema = z.extend(kioskSchema, {
  requests: z.number(),
  last_request_at: z.nullable(instantSchema),
  enrol_expires_at: z.nullable(instantSchema),
});
export type ListedKiosk = z.infer<typeof listedSchema>;

const linkSchema = z.object({ link: z.string(), expires_at: instantSchema });
export type EnrolLink = z.infer<typeof linkSchema>;

export interface KioskInput {
  readonly name: string;
  readonly settings: KioskSettings;
}

const oneKiosk = z.object({ kiosk: kioskSchema });

export const fetchKiosks = () =>
  call('GET', '/api/staff/kiosks', z.object({ kiosks: z.array(listedSchema) }));
export const addKiosk = (input: KioskInput) =>
  call('POST', '/api/staff/kiosks', z.extend(linkSchema, { kiosk: kioskSchema }), input);
export const changeKiosk = (id: string, input: KioskInput) =>
  call('PUT', `/api/staff/kiosks/${encodeURIComponent(id)}`, oneKiosk, input);
export const newKioskLink = (id: string) =>
  call('POST', `/api/staff/kiosks/${encodeURIComponent(id)}/link`, linkSchema, {});
export const revokeKiosk = (id: string) =>
  call('POST', `/api/staff/kiosks/${encodeURIComponent(id)}/revoke`, oneKiosk, {});
