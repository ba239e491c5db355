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

-- One narrow row per request with what the figures need, kept by a statement trigger
-- whatever writes the request (sync, staff API, Open311, the desk): local dates in the
-- jurisdiction's time zone, the service-level due dates and the working days taken,
-- from work_calendar. Reading these few columns instead of the wide requests row, with
-- the calendar already applied, is what keeps the dashboard fast on PGlite.
-- Recomputed for every request when the calendar is refilled (metrics/calendar.ts).
CREATE TABLE request_facts (
  request_id uuid PRIMARY KEY REFERENCES requests (id),
  service_code text NOT NULL,
  channel text NOT NULL,
  language text NOT NULL,
  status text NOT NULL,
  sub_d date NOT NULL,
  -- First response (acknowledged, or finished without it), resolution, any finish.
  ack_d date,
  res_d date,
  end_d date,
  level_due date,
  ack_due date,
  ack_wd integer,
  res_wd integer,
  rating integer,
  fixed text,
  -- The 0.01° grid cell (about 1 km) of the location, named by its south-west corner.
  area text
);
CREATE INDEX request_facts_sub_idx ON request_facts (sub_d);

CREATE VIEW request_facts_source AS
WITH tz AS (SELECT data->'calendar'->>'time_zone' AS zone FROM jurisdictions ORDER BY created_at LIMIT 1)
SELECT r.id AS request_id, r.service_code, r.channel, r.language, r.status,
  t.sub_d, t.ack_d, t.res_d, t.end_d, lvl.day AS level_due, ackl.day AS ack_due,
  CASE WHEN t.ack_d IS NOT NULL THEN greatest(0, ca.cum - cs.cum) END AS ack_wd,
  CASE WHEN t.res_d IS NOT NULL THEN greatest(0, cr.cum - cs.cum) END AS res_wd,
  r.rating, r.fixed,
  CASE WHEN r.lat IS NULL OR r.long IS NULL THEN NULL ELSE
    to_char(floor(r.lat * 100) / 100, 'FM990.00') || ',' || to_char(floor(r.long * 100) / 100, 'FM9990.00') END AS area
FROM requests r
CROSS JOIN tz
JOIN services s ON s.service_code = r.service_code
CROSS JOIN LATERAL (SELECT
  (r.submitted_at AT TIME ZONE tz.zone)::date AS sub_d,
  (coalesce(r.acknowledged_at, CASE WHEN r.status IN ('resolved', 'closed', 'rejected', 'duplicate')
     THEN coalesce(r.resolved_at, r.closed_at, r.updated_at) END) AT TIME ZONE tz.zone)::date AS ack_d,
  (CASE WHEN r.status IN ('resolved', 'closed') THEN coalesce(r.resolved_at, r.closed_at, r.updated_at) END
     AT TIME ZONE tz.zone)::date AS res_d,
  (CASE WHEN r.status IN ('resolved', 'closed', 'rejected', 'duplicate')
     THEN coalesce(r.resolved_at, r.closed_at, r.updated_at) END AT TIME ZONE tz.zone)::date AS end_d) t
LEFT JOIN work_calendar cs ON cs.day = t.sub_d
-- The service level's due date: the working day level working days after submission.
LEFT JOIN work_calendar lvl ON lvl.working AND lvl.cum = cs.cum + (s.data->>'service_level_days')::int
-- A first response is due the next working day (ACK_LEVEL_DAYS in metrics/sql.ts).
LEFT JOIN work_calendar ackl ON ackl.working AND ackl.cum = cs.cum + 1
LEFT JOIN work_calendar ca ON ca.day = t.ack_d
LEFT JOIN work_calendar cr ON cr.day = t.res_d;

CREATE FUNCTION request_facts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_facts
    SELECT v.* FROM request_facts_source v WHERE v.request_id IN (SELECT id FROM changed_requests)
  ON CONFLICT (request_id) DO UPDATE SET
    service_code = EXCLUDED.service_code, channel = EXCLUDED.channel, language = EXCLUDED.language,
    status = EXCLUDED.status, sub_d = EXCLUDED.sub_d, ack_d = EXCLUDED.ack_d, res_d = EXCLUDED.res_d,
    end_d = EXCLUDED.end_d, level_due = EXCLUDED.level_due, ack_due = EXCLUDED.ack_due,
    ack_wd = EXCLUDED.ack_wd, res_wd = EXCLUDED.res_wd, rating = EXCLUDED.rating, fixed = EXCLUDED.fixed,
    area = EXCLUDED.area;
  RETURN NULL;
END
$$;

CREATE TRIGGER requests_facts_insert AFTER INSERT ON requests
  REFERENCING NEW TABLE AS changed_requests FOR EACH STATEMENT EXECUTE FUNCTION request_facts_refresh();
CREATE TRIGGER requests_facts_update AFTER UPDATE ON requests
  REFERENCING NEW TABLE AS changed_requests FOR EACH STATEMENT EXECUTE FUNCTION request_facts_refresh();

-- Requests from before this migration.
INSERT INTO request_facts SELECT * FROM request_facts_source;
