-- Photos an Open311 client names by media_url, fetched in the background so a
-- slow or unreachable photo host never refuses a report. A worker claims due
-- rows with FOR UPDATE SKIP LOCKED (server/media-jobs), so any number of
-- server processes can share the queue.
CREATE TABLE media_jobs (
  id bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id),
  url text NOT NULL,
  -- Order among the request's media_url values (0 = first).
  position integer NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'attached', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- When the job is next due; while a worker holds it, the end of its lease.
  next_at timestamptz NOT NULL,
  -- After this the job is not tried again: the link stays, marked failed.
  give_up_at timestamptz NOT NULL,
  last_error text,
  sha256 text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  UNIQUE (request_id, position)
);
CREATE INDEX media_jobs_due_idx ON media_jobs (next_at) WHERE state = 'pending';
