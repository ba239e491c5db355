/**
 * What the device stores in IndexedDB, one interface per table. The Dexie
 * database (database.ts) and every query (src/db/*) use these; pages receive
 * them through src/db functions and liveQuery, never by opening Dexie.
 *
 *   services   the catalog (Open311 definitions with translations), for offline forms
 *   meta       small key/value facts: jurisdiction, catalog fetched-at, sync cursor, settings
 *   drafts     forms in progress, exactly as typed (strings), saved on every change
 *   photos     photo Blobs (already resized), owned by a draft, then by an outbox event
 *   outbox     validated sync events waiting to be sent (removed only after the receipt is stored)
 *   requests   every request made on this device: local state, receipt, token, public history
 */
import type { Service } from '../core/catalog';
import type { FixedAnswer, SyncEvent } from '../core/events';
import type { Status } from '../core/status';
import type { Lang } from '../core/lang';

export interface ServiceRecord {
  readonly service_code: string;
  readonly service: Service;
  /** Place in the catalog as the server sent it, so lists keep the jurisdiction's order. */
  readonly position: number;
}

export interface MetaRecord {
  readonly key: string;
  readonly value: unknown;
}

/** A form's raw state: every value as the person typed it. */
export interface DraftValues {
  /** Attribute code → text as typed, or the chosen keys for a multi-value list. */
  attributes: Record<string, string | string[]>;
  description: string;
  location: {
    lat?: number;
    long?: number;
    accuracy_m?: number;
    address_string: string;
  };
  contact: {
    name: string;
    phone: string;
    email: string;
    consent_updates: boolean;
  };
}

export interface DraftRecord {
  /** UUIDv7; becomes the create_request event id on submit. */
  readonly id: string;
  readonly service_code: string;
  /**
   * The version of the service's definition the draft was begun on (absent: begun before
   * versions, so version 1). It goes with the request: see src/core/request.ts.
   */
  readonly service_version?: number;
  values: DraftValues;
  /** Which step of the form the person was on, to reopen it there. */
  step: string;
  /** Reason the server gave when a submission was sent back (rejected), so it can be shown. */
  rejected?: { reason: string; fields: string[] };
  readonly created_at: string;
  updated_at: string;
}

export interface PhotoRecord {
  /** Lower-case hex SHA-256 of the bytes: also the upload key. */
  readonly sha256: string;
  /** The draft id, which is also the create_request event id after submit. */
  owner: string;
  readonly blob: Blob;
  readonly type: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly size: number;
  readonly width: number;
  readonly height: number;
  /** True once the server has the bytes. */
  uploaded: boolean;
  readonly added_at: string;
}

export interface OutboxRecord {
  /** The event's id. */
  readonly id: string;
  readonly event: SyncEvent;
  readonly created_at: string;
  attempts: number;
  /** Epoch ms before which the flush does not retry this entry (backoff). */
  next_attempt_at: number;
  last_error?: string;
  /**
   * For a create_request: the draft exactly as typed, so a rejection gives
   * the person back their own words (the event holds them coerced and trimmed).
   * Gone with the entry once the server has the request.
   */
  draft?: { values: DraftValues; step: string; created_at: string };
  /**
   * Set when the server refused an event whose data lives nowhere else (an
   * officer's visit log): the entry is kept, no longer sent, for a person to see.
   */
  rejected?: { reason: string; fields: string[]; at: string };
}

/** Local life of a request on this device, before and after the server knows it. */
export type LocalState = 'waiting' | 'sent' | 'rejected';

export interface HistoryEntry {
  readonly at: string;
  readonly status?: Status;
  readonly message?: string;
}

export interface RequestRecord {
  /** The create_request event id (= the draft id). */
  readonly id: string;
  /** A short reference shown while the request waits to be sent, e.g. "L-3F7A". */
  readonly local_ref: string;
  readonly service_code: string;
  readonly language: Lang;
  readonly created_at: string;
  /** One line the person recognises the request by (description or first answer). */
  readonly summary: string;
  state: LocalState;
  tracking?: string;
  token?: string;
  /**
   * Set when a receipt brings the token: the device's changes cursor may already be past
   * this request's changes (a replayed receipt, or one that came late, holds the status
   * it had then), so the next pull asks for all of this request's history.
   */
  pull_all?: true;
  /** The receipt's short access code (8 characters) for "Check on another phone". */
  short_code?: string;
  status?: Status;
  due?: string;
  submitted_at?: string;
  history: HistoryEntry[];
  /** Satisfaction already given (1–5) and whether it is fixed, so the question is asked once. */
  feedback?: { rating: number; fixed?: FixedAnswer; comment?: string; at: string };
  /** state 'rejected': why the server sent it back, and the draft that holds it again. */
  rejected?: { reason: string; fields: string[] };
  draft_id?: string;
  /** Later events about this request (feedback, photos) that the server refused, for the UI to mention. */
  problems?: SyncProblem[];
}

export interface SyncProblem {
  readonly event_id: string;
  readonly type: string;
  readonly reason: string;
  readonly at: string;
}
