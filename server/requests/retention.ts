/**
 * How long contact details are kept: CONTACT_RETENTION_DAYS (default 90)
 * after a request finished — closed (closed_at), resolved (resolved_at),
 * rejected or marked duplicate (its last change) — the sweep removes them
 * (remove-contact). sweepContactsOnce is one pass, run by the server on a
 * timer (startRetentionSweep) and by tests with the clock they choose.
 */
import { startLoop } from '../loop';
import type { Db } from '../db/types';
import { FINISHED } from './list';
import { removeContact } from './remove-contact';

const BATCH = 200;
const DAY_MS = 24 * 3600 * 1000;

/** Removes the contact details due for removal at `now`; returns how many requests were swept. */
export async function sweepContactsOnce(db: Db, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  let swept = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx.query<{ id: string }>(
        `SELECT r.id FROM requests r
         WHERE r.contact_removed_at IS NULL AND r.status = ANY($1::text[])
           AND CASE r.status WHEN 'closed' THEN r.closed_at WHEN 'resolved' THEN r.resolved_at
                 ELSE r.updated_at END < $2
           AND (r.contact_name IS NOT NULL OR r.contact_phone IS NOT NULL OR r.contact_email IS NOT NULL
                OR EXISTS (SELECT 1 FROM push_subscriptions p WHERE p.request_id = r.id))
         ORDER BY r.id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [FINISHED, before, BATCH],
      );
      for (const r of due) await removeContact(tx, r.id, 'retention', now, { kind: 'system' });
      return due.length;
    });
    swept += n;
    if (n < BATCH) return swept;
  }
}

export interface RetentionSweep {
  stop(): Promise<void>;
}

/** Sweeps at start and then every `intervalMs` (an hour) until stopped. */
export function startRetentionSweep(
  deps: { db: Db; now: () => Date },
  retentionDays: number,
  intervalMs = 3600_000,
): RetentionSweep {
  return startLoop(
    async () => {
      const n = await sweepContactsOnce(deps.db, deps.now(), retentionDays);
      if (n > 0) console.log(`Contact details removed from ${n} finished requests`);
    },
    intervalMs,
    'contact retention sweep failed',
  );
}
