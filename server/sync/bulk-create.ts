/**
 * The batch path for create_request, the event devices send most: each event is
 * checked in JavaScript first (planCreate, the same check the one-by-one handler
 * makes), and the valid ones are inserted together in a few statements
 * (requests/create-many.ts). Should that fail in SQL — a constraint no check
 * foresaw — it throws BulkInsertFailed: the caller rolls the batch back and runs
 * it again with every event in a savepoint of its own, so the one bad event
 * cannot cost the others. (No savepoint around the set-based insert: it would
 * cost two round trips on every batch to save a rerun on a rare one.)
 */
import type { CreateRequestEvent } from './event-types';
import type { Queryable } from '../db/types';
import type { PreparedRequest } from '../requests/create';
import { createRequests } from '../requests/create-many';
import { acceptedCreate, planCreate } from './handle-citizen';
import type { Applied, SyncContext } from './types';

/** The set-based insert failed in SQL; the transaction is aborted and must be run again. */
export class BulkInsertFailed extends Error {
  constructor(
    readonly count: number,
    cause: unknown,
  ) {
    super(`${count} requests inserted together failed`, { cause });
  }
}

/** Events decided here (accepted, or rejected by the checks), by id. Throws BulkInsertFailed. */
export async function createInBulk(
  tx: Queryable,
  ctx: SyncContext,
  events: readonly CreateRequestEvent[],
): Promise<Map<string, Applied>> {
  const applied = new Map<string, Applied>();
  const valid: { e: CreateRequestEvent; p: PreparedRequest }[] = [];
  for (const e of events) {
    const plan = await planCreate(tx, ctx, e);
    if ('result' in plan) applied.set(e.id, plan);
    else valid.push({ e, p: plan });
  }
  if (valid.length === 0) return applied;
  let created;
  try {
    created = await createRequests(
      tx,
      valid.map((v) => v.p),
      ctx.newTracking,
    );
  } catch (err) {
    throw new BulkInsertFailed(valid.length, err);
  }
  created.forEach((c, i) => {
    const e = valid[i]?.e;
    if (e) applied.set(e.id, acceptedCreate(e, c));
  });
  return applied;
}
