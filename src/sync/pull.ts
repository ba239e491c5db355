/**
 * Pulls what changed on the server for the requests this device made
 * (status, due date, public history) since the stored cursor. The tokens go
 * in a header, never the URL, so they stay out of server and proxy logs.
 */
import { CHANGES_PATH, MAX_TOKENS_PER_CALL, TOKENS_HEADER, syncChangesSchema } from '../core/sync-changes';
import { applyChanges, heldTokens, setSyncCursor, syncCursor } from '../db/changes';
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
 * Asks in chunks of MAX_TOKENS_PER_CALL tokens: first the requests whose whole
 * history is wanted (new receipts, or every request when there is no cursor
 * yet), then the rest since the stored cursor. The cursor kept is the first
 * call's, the oldest, and only once every call has been stored: applying a
 * change twice is harmless, while a cursor past changes not yet fetched would
 * lose them.
 */
export async function pullChanges(deps: FlushDeps): Promise<PullResult> {
  const held = await heldTokens();
  if (held.length === 0) return { updated: 0 };
  const since = await syncCursor();
  const whole = held.filter((h) => h.all || since === undefined).map((h) => h.token);
  const rest = held.filter((h) => !h.all && since !== undefined).map((h) => h.token);
  const calls = [
    ...chunks(whole).map((tokens) => ({ tokens, query: '' })),
    ...chunks(rest).map((tokens) => ({ tokens, query: `?since=${encodeURIComponent(since ?? '')}` })),
  ];
  let updated = 0;
  let firstCursor: string | undefined;
  for (const call of calls) {
    const got = await getJson(
      deps,
      `${CHANGES_PATH}${call.query}`,
      { [TOKENS_HEADER]: call.tokens.join(',') },
      changesAnswerSchema,
    );
    if (!got.ok) return { updated, error: got.error };
    firstCursor ??= got.value.cursor;
    updated += await applyChanges(got.value.changes, call.query === '' ? call.tokens : []);
  }
  if (firstCursor !== undefined) await setSyncCursor(firstCursor);
  return { updated };
}

function chunks(tokens: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i += MAX_TOKENS_PER_CALL)
    out.push(tokens.slice(i, i + MAX_TOKENS_PER_CALL));
  return out;
}
