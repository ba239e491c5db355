/**
 * What changed on the requests a device holds tokens for, since its cursor.
 *
 * The cursor is a transaction id, not a row number: a bigserial is handed out
 * when a row is inserted but becomes visible only at commit, so a reader could
 * see row 11 while row 10's transaction is still open, move its cursor past 10
 * and never see it. Instead each request_events row records the id of the
 * transaction that wrote it, and the cursor is the oldest transaction still
 * running when the read began (pg_snapshot_xmin): everything older is settled
 * and already seen. Rows from transactions at or after it come again next
 * time, which is harmless because each change carries the complete public history.
 */
import type { SyncChanges, RequestChange } from '../../src/core/sync-changes';
import type { Queryable } from '../db/types';
import { publicHistories } from '../requests/history';
import { hashToken } from '../requests/token';
import type { RequestRow } from '../requests/types';

/** A cursor is an xid8: a decimal number of at most 64 bits (20 digits can say more, so both are checked). */
export const CURSOR_RE = /^\d{1,20}$/;
const MAX_XID8 = 2n ** 64n - 1n;

export function isCursor(s: string): boolean {
  return CURSOR_RE.test(s) && BigInt(s) <= MAX_XID8;
}

type ChangedRow = Pick<RequestRow, 'id' | 'tracking' | 'status' | 'due' | 'updated_at'>;

export async function changesSince(
  db: Queryable,
  tokens: readonly string[],
  since?: string,
): Promise<SyncChanges> {
  const [snap] = await db.query<{ xmin: string }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
  );
  if (!snap) throw new Error('no snapshot');
  if (tokens.length === 0) return { changes: [], cursor: snap.xmin };
  const rows = await db.query<ChangedRow>(
    `SELECT r.id, r.tracking, r.status, r.due, r.updated_at FROM requests r
     WHERE r.token_hash = ANY($1::text[])
       AND ($2::text IS NULL OR EXISTS (
         SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.public AND e.txid >= $2::xid8))
     ORDER BY r.tracking`,
    [tokens.map(hashToken), since ?? null],
  );
  const histories = await publicHistories(
    db,
    rows.map((r) => r.id),
  );
  const changes: RequestChange[] = rows.map((r) => ({
    tracking: r.tracking,
    status: r.status,
    due: r.due,
    updated_at: r.updated_at.toISOString(),
    history: histories.get(r.id) ?? [],
  }));
  return { changes, cursor: snap.xmin };
}
