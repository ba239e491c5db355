/**
 * Before a staff event touches a request: lock it, and say why it cannot be
 * touched when it cannot. An officer whose request was reassigned while
 * their device was offline gets 'reassigned' (it was theirs once, by the
 * history), not the 'unknown_request' a stranger's guess gets; nobody learns
 * of requests that were never theirs.
 */
import type { ReasonCode } from '../../src/core/events';
import type { StaffUser } from '../auth/roles';
import { inScope } from '../auth/scope';
import type { Queryable } from '../db/types';
import { findRequest } from '../requests/read';
import type { RequestRow } from '../requests/types';

export type Access = { ok: true; request: RequestRow } | { ok: false; reason: ReasonCode };

async function wasAssigned(tx: Queryable, requestId: string, userId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM request_events WHERE request_id = $1 AND kind = 'assigned' AND data->>'to' = $2 LIMIT 1`,
    [requestId, userId],
  );
  return rows.length > 0;
}

export async function accessRequest(tx: Queryable, staff: StaffUser, tracking: string): Promise<Access> {
  const request = await findRequest(tx, tracking, { forUpdate: true });
  if (!request) return { ok: false, reason: 'unknown_request' };
  if (await inScope(tx, staff, request)) return { ok: true, request };
  return {
    ok: false,
    reason: (await wasAssigned(tx, request.id, staff.id)) ? 'reassigned' : 'unknown_request',
  };
}
