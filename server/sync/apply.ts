/**
 * Applies a batch of sync events, each at most once. In one transaction:
 * claim every new event id with INSERT … ON CONFLICT DO NOTHING (in id order,
 * so concurrent batches lock in the same order and never deadlock on claims);
 * a concurrent sender of the same id waits there until the winner commits and
 * then reads the winner's stored result. The claimed create_request events are
 * then checked in JavaScript and inserted together in one statement
 * (bulk-create.ts); every other event runs in its own savepoint, so a rejection
 * or a failure undoes only that event. Should the set-based insert fail in SQL,
 * the batch is run again with every event in its own savepoint.
 */
import { eventResultSchema, type EventResult, type SyncEvent } from '../../src/core/events';
import type { StaffUser } from '../auth/roles';
import type { KioskCaller } from '../kiosks/store';
import { getJurisdiction, getService } from '../catalog/store';
import { sqlState, type Db, type Queryable } from '../db/types';
import { deriveShortCode, deriveToken } from '../requests/token';
import { mayApply, refusal } from './authorize';
import { payloadHash } from './canonical';
import { BulkInsertFailed, createInBulk } from './bulk-create';
import { runHandler } from './dispatch';
import type { CreateRequestEvent } from './event-types';
import type { Applied, SyncContext } from './types';

export interface SyncDeps {
  readonly db: Db;
  readonly secret: Buffer;
  readonly now: () => Date;
  readonly newTracking?: () => string;
}

interface Stored {
  id: string;
  payload_hash: string;
  result: EventResult | null;
}

const RETRYABLE = new Set(['40P01', '40001']);
const TRANSIENT: ReadonlySet<string> = new Set(['forbidden', 'not_signed_in', 'unknown_photo']);

async function loadContext(
  deps: SyncDeps,
  staff: StaffUser | null,
  kiosk: KioskCaller | null,
  events: readonly SyncEvent[],
): Promise<SyncContext> {
  const codes = new Set(
    events.flatMap((e) =>
      e.type === 'create_request'
        ? [e.request.service_code]
        : e.type === 'draft_report'
          ? e.counts.map((c) => c.service_code)
          : [],
    ),
  );
  const services = new Map();
  for (const code of codes) {
    const s = await getService(deps.db, code);
    if (s) services.set(code, s);
  }
  return {
    staff,
    kiosk,
    secret: deps.secret,
    now: deps.now(),
    jurisdiction: await getJurisdiction(deps.db),
    services,
    ...(deps.newTracking ? { newTracking: deps.newTracking } : {}),
  };
}

/** What happened to one claimed event: a result to store, or to forget (its claim released). */
interface Outcome {
  readonly result: EventResult | undefined;
  readonly store: boolean;
  readonly requestId: string | null;
}

function outcomeOf(a: Applied): Outcome {
  // Refusals that the sender can cure are not stored: the same event may pass once the
  // officer signs in again, or once the photo's bytes are uploaded.
  const store = a.result.outcome === 'accepted' || !TRANSIENT.has(a.result.reason);
  return { result: a.result, store, requestId: a.requestId };
}

/**
 * The claimed create_request events, together (bulk-create.ts); they depend on nothing
 * else in the batch, so they go first, and a photo or feedback event later in the batch
 * finds its request. When `together` is false (the set-based insert failed on this batch
 * before) the map is empty: the caller applies every event in a savepoint of its own.
 */
async function createClaimed(
  tx: Queryable,
  ctx: SyncContext,
  claimed: readonly SyncEvent[],
): Promise<Map<string, Outcome>> {
  const creates = claimed.filter((e): e is CreateRequestEvent => e.type === 'create_request');
  const applied = await createInBulk(tx, ctx, creates);
  return new Map([...applied].map(([id, a]) => [id, outcomeOf(a)]));
}

/** Runs one claimed event in a savepoint, so a rejection or a failure undoes only its own writes. */
async function applyOne(tx: Queryable, ctx: SyncContext, event: SyncEvent): Promise<Outcome> {
  await tx.exec('SAVEPOINT sync_event');
  try {
    const { result, requestId } = await runHandler(tx, ctx, event);
    if (result.outcome === 'rejected') await tx.exec('ROLLBACK TO SAVEPOINT sync_event');
    await tx.exec('RELEASE SAVEPOINT sync_event');
    return outcomeOf({ result, requestId });
  } catch (err) {
    await tx.exec('ROLLBACK TO SAVEPOINT sync_event');
    await tx.exec('RELEASE SAVEPOINT sync_event');
    console.error(`sync event ${event.id} (${event.type}) failed:`, err);
    // No result: the claim is released and the device sends the event again later.
    return { result: undefined, store: false, requestId: null };
  }
}

/** Writes the batch's results in two statements rather than one per event. */
async function saveOutcomes(tx: Queryable, outcomes: ReadonlyMap<string, Outcome>): Promise<void> {
  const stored = [...outcomes].filter(([, o]) => o.store);
  const released = [...outcomes].filter(([, o]) => !o.store).map(([id]) => id);
  if (stored.length > 0)
    await tx.query(
      `UPDATE applied_events a SET result = v.result::jsonb, request_id = v.request_id
       FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS v(id, result, request_id) WHERE a.id = v.id`,
      [
        stored.map(([id]) => id),
        stored.map(([, o]) => JSON.stringify(o.result)),
        stored.map(([, o]) => o.requestId),
      ],
    );
  if (released.length > 0)
    await tx.query('DELETE FROM applied_events WHERE id = ANY($1::uuid[])', [released]);
}

async function applyInTransaction(
  tx: Queryable,
  ctx: SyncContext,
  unique: readonly SyncEvent[],
  hashes: ReadonlyMap<string, string>,
  together: boolean,
): Promise<Map<string, EventResult>> {
  const allowed = unique.filter((e) => mayApply(e, ctx));
  const sorted = [...allowed].sort((a, b) => (a.id < b.id ? -1 : 1));
  const claimed = new Set(
    (
      await tx.query<{ id: string }>(
        `INSERT INTO applied_events (id, type, payload_hash)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ORDER BY 1
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [sorted.map((e) => e.id), sorted.map((e) => e.type), sorted.map((e) => hashes.get(e.id))],
      )
    ).map((r) => r.id),
  );
  const others = unique.filter((e) => !claimed.has(e.id)).map((e) => e.id);
  const stored = new Map(
    (others.length === 0
      ? []
      : await tx.query<Stored>(
          'SELECT id, payload_hash, result FROM applied_events WHERE id = ANY($1::uuid[])',
          [others],
        )
    ).map((s) => [s.id, s]),
  );
  const results = new Map<string, EventResult>();
  const outcomes = together
    ? await createClaimed(
        tx,
        ctx,
        unique.filter((e) => claimed.has(e.id)),
      )
    : new Map<string, Outcome>();
  for (const e of unique) {
    const s = stored.get(e.id);
    let r: EventResult | undefined;
    if (claimed.has(e.id)) {
      const o = outcomes.get(e.id) ?? (await applyOne(tx, ctx, e));
      outcomes.set(e.id, o);
      r = o.result;
    } else if (s?.result) r = s.payload_hash === hashes.get(e.id) ? s.result : reused(e.id);
    else r = { id: e.id, outcome: 'rejected', reason: refusal(e, ctx) ?? 'forbidden' };
    if (r) results.set(e.id, r);
  }
  await saveOutcomes(tx, outcomes);
  return results;
}

const reused = (id: string): EventResult => ({ id, outcome: 'rejected', reason: 'event_id_reused' });

/**
 * One result per event, aligned with the batch; undefined for an event that failed unexpectedly
 * (its claim is released and the device sends it again).
 */
export async function applyBatch(
  deps: SyncDeps,
  staff: StaffUser | null,
  batch: readonly SyncEvent[],
  kiosk: KioskCaller | null = null,
): Promise<(EventResult | undefined)[]> {
  // PostgreSQL returns uuids in lower case; compare them that way from the start.
  const events = batch.map((e) => ({ ...e, id: e.id.toLowerCase() }));
  const hashes = new Map<string, string>();
  const unique: SyncEvent[] = [];
  for (const e of events)
    if (!hashes.has(e.id)) {
      hashes.set(e.id, payloadHash(e));
      unique.push(e);
    }
  const ctx = await loadContext(deps, staff, kiosk, unique);
  let results: Map<string, EventResult> | undefined;
  let together = true;
  for (let attempt = 1; !results; attempt++) {
    try {
      results = await deps.db.transaction((tx) => applyInTransaction(tx, ctx, unique, hashes, together));
    } catch (err) {
      if (together && err instanceof BulkInsertFailed) {
        // Rare: run the batch again, one savepoint per event, so only the bad one fails.
        console.warn(`sync: ${err.message}, applying them one by one:`, err.cause);
        together = false;
        attempt--;
      } else if (attempt >= 3 || !RETRYABLE.has(sqlState(err) ?? '')) throw err;
    }
  }
  return events.map((e) => {
    const r = results.get(e.id);
    if (!r) return undefined;
    // The same id twice in one batch with different payloads: the second is a reuse.
    return payloadHash(e) !== hashes.get(e.id) ? reused(e.id) : withToken(r, e, deps.secret);
  });
}

/**
 * The receipt of a request-creating event carries its token and short code, on the first answer
 * and on every replay. Parsing puts keys in schema order, so a replay is byte-for-byte the first answer
 * (jsonb does not keep key order).
 */
function withToken(r: EventResult, e: SyncEvent, secret: Buffer): EventResult {
  if (r.outcome !== 'accepted' || !r.receipt || e.type !== 'create_request')
    return eventResultSchema.parse(r);
  return eventResultSchema.parse({
    ...r,
    receipt: { ...r.receipt, token: deriveToken(secret, e.id), short_code: deriveShortCode(secret, e.id) },
  });
}
