/**
 * The media_jobs table (migration 0002): one row per media_url an Open311
 * client gave. Rows are written with the request, in its transaction;
 * workers claim due rows with FOR UPDATE SKIP LOCKED and hold them by a
 * lease (next_at moved forward), so no network wait ever runs inside a
 * database transaction and a crashed worker's job comes back when its lease
 * ends. Retries back off from a minute to two hours, for a day.
 */
import type { PhotoRef } from '../../src/core/request';
import type { Queryable } from '../db/types';
import { appendEvent } from '../requests/history';

/** How long a media_url is tried before the link is left marked failed. */
export const RETRY_FOR_MS = 24 * 3600 * 1000;
/** Longer than one fetch can take (10 s per hop, a few hops): a claimed job is not claimed twice. */
export const LEASE_MS = 5 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;
const MAX_RETRY_MS = 2 * 3600 * 1000;

export type MediaJobState = 'pending' | 'attached' | 'failed';

/** The wait before the next try after `attempts` failed ones: 1, 2, 4 … minutes, at most two hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface NewMediaJob {
  readonly url: string;
  /** Set when the link is unusable as written (a bad scheme, a private address): never fetched. */
  readonly refused?: string;
}

export async function enqueueMediaJobs(
  tx: Queryable,
  requestId: string,
  jobs: readonly NewMediaJob[],
  now: Date,
): Promise<void> {
  if (jobs.length === 0) return;
  await tx.query(
    `INSERT INTO media_jobs (request_id, url, position, state, next_at, give_up_at, last_error, created_at, finished_at)
     SELECT $1, v.url, v.position - 1, CASE WHEN v.refused IS NULL THEN 'pending' ELSE 'failed' END,
       $2, $3, v.refused, $2, CASE WHEN v.refused IS NULL THEN NULL ELSE $2::timestamptz END
     FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS v(url, refused, position)`,
    [
      requestId,
      now,
      new Date(now.getTime() + RETRY_FOR_MS),
      jobs.map((j) => j.url),
      jobs.map((j) => j.refused ?? null),
    ],
  );
}

export interface ClaimedJob {
  readonly id: number;
  readonly request_id: string;
  readonly url: string;
  /** Tries so far, this one included. */
  readonly attempts: number;
  readonly give_up_at: Date;
  /** The request's source event: photo files are recorded under it, as the app's are. */
  readonly source_event_id: string;
}

/** Claims up to `limit` due jobs for this worker; another worker skips them while they are locked or leased. */
export async function claimDueJobs(db: Queryable, now: Date, limit: number): Promise<ClaimedJob[]> {
  return db.query<ClaimedJob>(
    `WITH due AS (
       SELECT id FROM media_jobs WHERE state = 'pending' AND next_at <= $1
       ORDER BY next_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
     )
     UPDATE media_jobs j SET next_at = $2, attempts = j.attempts + 1
     FROM due, requests r WHERE j.id = due.id AND r.id = j.request_id
     RETURNING j.id, j.request_id, j.url, j.attempts, j.give_up_at, r.source_event_id`,
    [now, new Date(now.getTime() + LEASE_MS), limit],
  );
}

/** Links the fetched photo to the request and closes the job, in one transaction. */
export async function markAttached(
  tx: Queryable,
  job: ClaimedJob,
  photo: PhotoRef,
  now: Date,
): Promise<void> {
  const added = await tx.query(
    `INSERT INTO request_photos (request_id, sha256, type, size, event_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING sha256`,
    [job.request_id, photo.sha256, photo.type, photo.size, job.source_event_id],
  );
  if (added.length > 0)
    await appendEvent(tx, {
      requestId: job.request_id,
      kind: 'attachment',
      actor: { kind: 'api' },
      at: now,
      public: false,
      data: { sha256: photo.sha256, media_url: job.url },
    });
  await tx.query(
    `UPDATE media_jobs SET state = 'attached', sha256 = $2, last_error = NULL, finished_at = $3 WHERE id = $1`,
    [job.id, photo.sha256, now],
  );
}

/** Records a failed try: due again after the back-off, or failed for good when retrying cannot help or the day is over. */
export async function markFailed(
  db: Queryable,
  job: ClaimedJob,
  error: { message: string; permanent: boolean },
  now: Date,
): Promise<MediaJobState> {
  const retryAt = new Date(now.getTime() + retryDelayMs(job.attempts));
  const state: MediaJobState = error.permanent || retryAt > job.give_up_at ? 'failed' : 'pending';
  await db.query(
    `UPDATE media_jobs SET state = $2, next_at = $3, last_error = $4,
       finished_at = CASE WHEN $2 = 'failed' THEN $5::timestamptz END
     WHERE id = $1`,
    [job.id, state, retryAt, error.message, now],
  );
  return state;
}

export interface MediaLink {
  readonly url: string;
  readonly state: MediaJobState;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly next_try_at: string | null;
  readonly sha256: string | null;
}

/** What staff see of a request's media_url links: the photo once attached, or why not yet or never. */
export async function mediaLinks(db: Queryable, requestId: string): Promise<MediaLink[]> {
  const rows = await db.query<{
    url: string;
    state: MediaJobState;
    attempts: number;
    last_error: string | null;
    next_at: Date;
    sha256: string | null;
  }>(
    `SELECT url, state, attempts, last_error, next_at, sha256 FROM media_jobs
     WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
  return rows.map((r) => ({
    url: r.url,
    state: r.state,
    attempts: r.attempts,
    last_error: r.last_error,
    next_try_at: r.state === 'pending' ? r.next_at.toISOString() : null,
    sha256: r.sha256,
  }));
}
