/**
 * Pulls what changed on the server for the requests this device made
 * (status, due date, public history) since the stored cursor. The tokens go
 * in a header, never the URL, so they stay out of server and proxy logs.
 */
import { CHANGES_PATH, MAX_TOKENS_PER_CALL, TOKENS_HEADER, syncChangesSchema } from '../core/sync-changes';
import { applyChanges, heldTokens, syncCursor } from '../db/changes';
import type { FlushDeps } from './flush-deps';
import { getJson, type SyncErrorCode } from './http';
import { lenient } from './lenient';

/** A change record with a field this version does not know is still applied. */
const changesAnswerSchema = lenient(syncChangesSchema);

export interface PullResult {
  updated: number;
  error?: SyncErrorCode;
}

/**
 * Asks in chunks of MAX_TOKENS_PER_CALL tokens, all from the same cursor, and
 * keeps the first chunk's new cursor: applying a change twice is harmless,
 * while a cursor past changes not yet fetched would lose them.
 */
export async function pullChanges(deps: FlushDeps): Promise<PullResult> {
  const tokens = await heldTokens();
  if (tokens.length === 0) return { updated: 0 };
  const since = await syncCursor();
  const query = since === undefined ? '' : `?since=${encodeURIComponent(since)}`;
  let updated = 0;
  let firstCursor: string | undefined;
  for (let i = 0; i < tokens.length; i += MAX_TOKENS_PER_CALL) {
    const chunk = tokens.slice(i, i + MAX_TOKENS_PER_CALL);
    const got = await getJson(
      deps,
      `${CHANGES_PATH}${query}`,
      { [TOKENS_HEADER]: chunk.join(',') },
      changesAnswerSchema,
    );
    if (!got.ok) return { updated, error: got.error };
    firstCursor ??= got.value.cursor;
    updated += await applyChanges(got.value.changes, firstCursor);
  }
  return { updated };
}
