/**
 * Changes pulled from the server (status, due date, public history) written
 * onto this device's requests, with the cursor, in one transaction: a cursor
 * never moves past changes that were not stored. No DOM (service worker too).
 */
import type { RequestChange } from '../core/sync-changes';
import { db } from './database';
import { guardWrite } from './errors';
import { isRequestRecord } from './guards';
import { getMeta, setMeta } from './meta';
import type { HistoryEntry } from './records';

/** The access tokens of every sent request this device can read back. */
export async function heldTokens(): Promise<string[]> {
  const rows = await db.requests.where('tracking').above('').toArray();
  return rows.flatMap((r) => (isRequestRecord(r) && r.token !== undefined ? [r.token] : []));
}

export async function syncCursor(): Promise<string | undefined> {
  return getMeta('syncCursor');
}

export async function applyChanges(changes: readonly RequestChange[], cursor: string): Promise<number> {
  return guardWrite(() =>
    db.transaction('rw', db.requests, db.meta, async () => {
      let applied = 0;
      for (const change of changes) {
        const row = await db.requests.where('tracking').equals(change.tracking).first();
        if (!isRequestRecord(row)) continue;
        // The server's history is complete and authoritative; it replaces ours.
        await db.requests.update(row.id, {
          status: change.status,
          due: change.due,
          history: change.history.map((h): HistoryEntry => ({
            at: h.at,
            ...(h.status !== undefined ? { status: h.status } : {}),
            ...(h.message !== undefined ? { message: h.message } : {}),
          })),
        });
        applied++;
      }
      await setMeta('syncCursor', cursor);
      return applied;
    }),
  );
}
