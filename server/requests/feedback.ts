/**
 * The person's answer to "Is it fixed? How satisfied are you?", given once the request is
 * resolved or closed. Needs the request's access token; the latest answer
 * counts (a reopened and again resolved request may be rated again).
 */
import type { FixedAnswer } from '../../src/core/events';
import type { Queryable } from '../db/types';
import { appendEvent } from './history';
import { findRequestWithToken } from './read';
import type { RequestRow } from './types';

export type FeedbackResult =
  { ok: true; request: RequestRow } | { ok: false; error: 'not_found' | 'not_resolved' };

export async function recordFeedback(
  tx: Queryable,
  input: {
    tracking: string;
    token: string;
    rating: number;
    fixed?: FixedAnswer | undefined;
    comment?: string | undefined;
    at: Date;
  },
): Promise<FeedbackResult> {
  const r = await findRequestWithToken(tx, input.tracking, input.token, { forUpdate: true });
  if (!r) return { ok: false, error: 'not_found' };
  if (r.status !== 'resolved' && r.status !== 'closed') return { ok: false, error: 'not_resolved' };
  const comment = input.comment?.trim() || null;
  const fixed = input.fixed ?? null;
  await tx.query(
    'UPDATE requests SET rating = $2, rating_comment = $3, rated_at = $4, fixed = $5 WHERE id = $1',
    [r.id, input.rating, comment, input.at, fixed],
  );
  await appendEvent(tx, {
    requestId: r.id,
    kind: 'feedback',
    actor: { kind: 'citizen' },
    at: input.at,
    public: false,
    data: { rating: input.rating, fixed, comment },
  });
  return {
    ok: true,
    request: { ...r, rating: input.rating, rating_comment: comment, rated_at: input.at, fixed },
  };
}
