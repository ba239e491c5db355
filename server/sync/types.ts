/**
 * What the sync handlers share: the caller (a citizen's device, an enrolled
 * kiosk, or a signed-in staff member's), the server's clock and secret, and the catalog read before
 * the transaction began.
 */
import type { Jurisdiction, Service } from '../../src/core/catalog';
import type { EventResult, ReasonCode, SyncEvent } from '../../src/core/events';
import type { StaffUser } from '../auth/roles';
import type { Queryable } from '../db/types';
import type { KioskCaller } from '../kiosks/store';

export interface SyncContext {
  /** The signed-in staff member sending the batch, or null for a citizen's device. */
  readonly staff: StaffUser | null;
  /** The enrolled kiosk the batch comes from (by its credential cookie), revoked or not. */
  readonly kiosk: KioskCaller | null;
  readonly secret: Buffer;
  readonly now: Date;
  readonly jurisdiction: Jurisdiction;
  readonly services: ReadonlyMap<string, Service>;
  readonly newTracking?: () => string;
}

/** A handler's outcome: the result to store, and the request it touched. */
export interface Applied {
  readonly result: EventResult;
  readonly requestId: string | null;
}

export type Handler<E extends SyncEvent> = (tx: Queryable, ctx: SyncContext, event: E) => Promise<Applied>;

export function rejected(event: SyncEvent, reason: ReasonCode, fields?: readonly string[]): Applied {
  const result: EventResult =
    fields && fields.length > 0
      ? { id: event.id, outcome: 'rejected', reason, fields: [...fields] }
      : { id: event.id, outcome: 'rejected', reason };
  return { result, requestId: null };
}
