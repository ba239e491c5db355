/**
 * The background worker that fetches media_url photos: runMediaJobsOnce
 * claims the due jobs and tries each (the same checks as ever: http or
 * https, public addresses only and re-checked on every redirect, at most
 * 5 MB, JPEG, PNG or WebP by the bytes); startMediaWorker repeats that on a
 * timer inside the server process until stopped. Tests call runMediaJobsOnce
 * directly with a clock they move.
 */
import { startLoop } from '../loop';
import { acceptUpload } from '../attachments/upload';
import type { ServerDeps } from '../http/env';
import { fetchMedia, MediaError, type MediaOptions } from '../open311/media';
import { claimDueJobs, markAttached, markFailed, type ClaimedJob, type MediaJobState } from './queue';

export interface MediaJobDeps extends Pick<ServerDeps, 'db' | 'files' | 'now'> {
  /** Fetch limits; tests allow loopback here and nowhere else. */
  readonly media?: MediaOptions | undefined;
}

export interface MediaRun {
  readonly attached: number;
  readonly retrying: number;
  readonly failed: number;
}

const BATCH = 10;

async function runJob(deps: MediaJobDeps, job: ClaimedJob): Promise<MediaJobState> {
  try {
    const media = await fetchMedia(job.url, deps.media);
    const stored = await acceptUpload(deps.db, deps.files, {
      eventId: job.source_event_id,
      sha256: media.photo.sha256,
      bytes: media.bytes,
    });
    if (!stored.ok) throw new MediaError(`media_url was refused (${stored.error})`, true);
    await deps.db.transaction((tx) => markAttached(tx, job, media.photo, deps.now()));
    return 'attached';
  } catch (err) {
    // Anything but a MediaError is our fault (disk, database): worth another try, and worth a log line.
    if (!(err instanceof MediaError)) console.error(`media job ${job.id} failed:`, err);
    const error =
      err instanceof MediaError ? err : { message: 'media_url could not be stored', permanent: false };
    return markFailed(deps.db, job, error, deps.now());
  }
}

/** Claims and runs the jobs due now, a batch at a time, until none is due. */
export async function runMediaJobsOnce(deps: MediaJobDeps): Promise<MediaRun> {
  const count = { attached: 0, retrying: 0, failed: 0 };
  for (;;) {
    const jobs = await claimDueJobs(deps.db, deps.now(), BATCH);
    for (const job of jobs) {
      const state = await runJob(deps, job);
      if (state === 'attached') count.attached++;
      else if (state === 'failed') count.failed++;
      else count.retrying++;
    }
    if (jobs.length < BATCH) return count;
  }
}

export interface MediaWorker {
  /** Stops the timer and waits for a run in progress to end. */
  stop(): Promise<void>;
}

export function startMediaWorker(deps: MediaJobDeps, intervalMs = 15_000): MediaWorker {
  return startLoop(
    async () => {
      await runMediaJobsOnce(deps);
    },
    intervalMs,
    'media worker run failed',
  );
}
