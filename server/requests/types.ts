/**
 * The stored shape of a request and its events, as the queries return them.
 * Contact columns are personal data: only staff views read them.
 */
import type { Channel, Status } from '../../src/core/status';

export interface RequestRow {
  id: string;
  tracking: string;
  service_code: string;
  status: Status;
  channel: Channel;
  language: string;
  description: string | null;
  attributes: Record<string, unknown>;
  lat: number | null;
  long: number | null;
  accuracy_m: number | null;
  address_string: string | null;
  address_id: string | null;
  media_url: string | null;
  due: string;
  submitted_at: Date;
  received_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  assigned_to: string | null;
  duplicate_of: string | null;
  created_by: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  /** "Is it fixed?" given with the rating: yes, partly or no. */
  fixed: 'yes' | 'partly' | 'no' | null;
}

export interface ContactRow {
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_consent: boolean;
}

export const EVENT_KINDS = [
  'created',
  'acknowledged',
  'assigned',
  'status_changed',
  'note',
  'duplicate',
  'feedback',
  'attachment',
  'visit',
  'contact_removed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface RequestEventRow {
  seq: number;
  request_id: string;
  kind: EventKind;
  actor: string;
  actor_user_id: string | null;
  at: Date;
  public: boolean;
  status_from: Status | null;
  status_to: Status | null;
  message: string | null;
  data: Record<string, unknown> | null;
  staff_minutes?: number | null;
  staff_time_source?: 'timer' | 'manual' | null;
}

/** Every column of `requests` except the contact details. */
export const REQUEST_COLUMNS =
  'id, tracking, service_code, status, channel, language, description, attributes, lat, long, accuracy_m, ' +
  'address_string, address_id, media_url, due, submitted_at, received_at, updated_at, acknowledged_at, ' +
  'resolved_at, closed_at, assigned_to, duplicate_of, created_by, rating, rating_comment, rated_at, fixed';
