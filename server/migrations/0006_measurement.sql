-- Measurement: the working-day calendar the figures are computed with, anonymous
-- counts of abandoned drafts, staff groups, the record of who viewed contact
-- details, and removal of contact details after closing.

-- Phone and counter requests (the desk's intake). The desk's migration 0008 sets the
-- same constraint again; doing it here too lets the demo data and the figures use
-- all six channels whichever lands first.
ALTER TABLE requests DROP CONSTRAINT requests_channel_check;
ALTER TABLE requests ADD CONSTRAINT requests_channel_check
  CHECK (channel IN ('web', 'kiosk', 'in_person', 'api', 'phone', 'counter'));

-- One row per local date: whether it is a working day of the jurisdiction's calendar
-- (filled by server/metrics/calendar.ts from src/core/service-level.ts) and how many
-- working days there are up to and including it. The working days between two dates
-- are then a subtraction, so durations stay in SQL with no per-row function.
CREATE TABLE work_calendar (
  day date PRIMARY KEY,
  working boolean NOT NULL,
  cum integer NOT NULL
);
-- The n-th working day after a date (the service-level due date) is a lookup by cum.
CREATE UNIQUE INDEX work_calendar_cum_idx ON work_calendar (cum) WHERE working;

-- Which calendar work_calendar was filled from, so a changed calendar refills it.
CREATE TABLE work_calendar_source (
  id integer PRIMARY KEY CHECK (id = 1),
  hash text NOT NULL,
  filled_at timestamptz NOT NULL DEFAULT now()
);

-- Drafts started and abandoned, reported by devices as counts in a draft_report sync
-- event: service, language, the step people stopped at, the local day. No content, no
-- device or person id; event_id only makes a replayed report count once.
CREATE TABLE draft_counts (
  event_id uuid NOT NULL,
  day date NOT NULL,
  service_code text NOT NULL,
  language text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('started', 'abandoned')),
  -- The step the person last saw (0 = the first); -1 for 'started'.
  step integer NOT NULL CHECK (step >= -1 AND step <= 50),
  n integer NOT NULL CHECK (n > 0 AND n <= 10000)
);
CREATE INDEX draft_counts_day_idx ON draft_counts (day, service_code);

-- The service groups an agent or manager works for. Without a row they work for every group.
CREATE TABLE user_groups (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  group_code text NOT NULL,
  PRIMARY KEY (user_id, group_code)
);

-- Every time a staff member was shown a request's contact details.
CREATE TABLE contact_views (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  request_id uuid NOT NULL REFERENCES requests (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_views_at_idx ON contact_views (at DESC);
CREATE INDEX contact_views_request_idx ON contact_views (request_id);

-- When and why the contact details were removed: 'retention' (the job, a set time after
-- closing) or 'person' (asked with the tracking number and access code).
ALTER TABLE requests
  ADD COLUMN contact_removed_at timestamptz,
  ADD COLUMN contact_removed_reason text CHECK (contact_removed_reason IN ('retention', 'person'));

CREATE INDEX requests_service_submitted_idx ON requests (service_code, submitted_at);
