/**
 * Changes pulled from the server (status, due date, public history) written
 * onto this device's requests. The cursor is stored only after every part of
 * a pull is stored, so it never moves past changes that were not. No DOM
 * (service worker too).
 */
import type { RequestChange } from '../core/sync-changes';
import { db } from './database';
import { guardWrite } from './errors';
import { isRequestRecord } from './guards';
import { getMeta, setMeta } from './meta';
import type { HistoryEntry, RequestRecord } from './records';

export interface HeldToken {
  readonly token: string;
  /** The cursor may be past this request's changes: ask for all of them (RequestRecord.pull_all). */
  readonly all: boolean;
}

/** The access tokens of every sent request this device can read back. */
export async function heldTokens(): Promise<HeldToken[]> {
  const rows = await db.requests.where('tracking').above('').toArray();
  return rows.flatMap((r) =>
    isRequestRecord(r) && r.token !== undefined ? [{ token: r.token, all: r.pull_all === true }] : [],
  );
}

export async function syncCursor(): Promise<string | undefined> {
  return getMeta('syncCursor');
}

export async function setSyncCursor(cursor: string): Promise<void> {
  await guardWrite(() => setMeta('syncCursor', cursor));
}

/**
 * Writes pulled changes; `complete` are the tokens whose whole history was asked for,
 * which no longer need that.
 */
export async function applyChanges(
  changes: readonly RequestChange[],
  complete: readonly string[] = [],
): Promise<number> {
  return guardWrite(() =>
    db.transaction('rw', db.requests, async () => {
      const done = new Set(complete);
      await db.requests
        .filter(
          (r) => isRequestRecord(r) && r.token !== undefined && done.has(r.token) && r.pull_all === true,
        )
        .modify((r: Partial<RequestRecord>) => {
          delete r.pull_all;
        });
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
      return applied;
    }),
  );
}
