-- Civic Desk schema, version 1. Plain PostgreSQL: the same file runs on PGlite and on a server.
-- Personal data (contact details) lives only in requests.contact_*; public outputs never select them.

CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The service catalog: one row for the jurisdiction, one JSONB row per service (validated by catalogSchema).
CREATE TABLE jurisdictions (
  jurisdiction_id text PRIMARY KEY,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE services (
  service_code text PRIMARY KEY,
  group_code text NOT NULL,
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text,
  role text NOT NULL CHECK (role IN ('agent', 'officer', 'manager', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, at);

-- Keys for Open311 clients; only a SHA-256 of the key is kept.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE requests (
  id uuid PRIMARY KEY,
  tracking text NOT NULL UNIQUE,
  token_hash text NOT NULL UNIQUE,
  -- The device event (or API call) that created it: the token is derived from it.
  source_event_id uuid NOT NULL UNIQUE,
  service_code text NOT NULL REFERENCES services (service_code),
  status text NOT NULL CHECK (status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate')),
  channel text NOT NULL CHECK (channel IN ('web', 'kiosk', 'in_person', 'api')),
  language text NOT NULL,
  description text,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  lat double precision,
  long double precision,
  accuracy_m double precision,
  address_string text,
  address_id text,
  media_url text,
  contact_name text,
  contact_phone text,
  contact_email text,
  contact_consent boolean NOT NULL DEFAULT false,
  due date NOT NULL,
  submitted_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  assigned_to uuid REFERENCES users (id),
  duplicate_of uuid REFERENCES requests (id),
  created_by uuid REFERENCES users (id),
  rating integer CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rated_at timestamptz
);
CREATE INDEX requests_status_idx ON requests (status, due);
CREATE INDEX requests_service_idx ON requests (service_code);
CREATE INDEX requests_assigned_idx ON requests (assigned_to);
CREATE INDEX requests_submitted_idx ON requests (submitted_at DESC);

-- Every change to a request, with who and when. seq orders them; txid lets the
-- changes cursor never skip a row committed late by a concurrent transaction.
CREATE TABLE request_events (
  seq bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id),
  kind text NOT NULL CHECK (kind IN ('created', 'acknowledged', 'assigned', 'status_changed', 'note', 'duplicate', 'feedback', 'attachment', 'visit')),
  actor text NOT NULL,
  actor_user_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  public boolean NOT NULL,
  status_from text,
  status_to text,
  message text,
  data jsonb,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX request_events_request_idx ON request_events (request_id, seq);
CREATE INDEX request_events_txid_idx ON request_events (txid);

-- Sync events applied at most once: a replay reads the stored result.
CREATE TABLE applied_events (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  payload_hash text NOT NULL,
  result jsonb,
  request_id uuid REFERENCES requests (id),
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- Photo bytes, content-addressed: the file lives at DATA_DIR/files/<sha256>.
CREATE TABLE files (
  sha256 text PRIMARY KEY,
  type text NOT NULL,
  size integer NOT NULL,
  upload_event_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE request_photos (
  request_id uuid NOT NULL REFERENCES requests (id),
  sha256 text NOT NULL,
  type text NOT NULL,
  size integer NOT NULL,
  event_id uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, sha256)
);

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  officer_id uuid NOT NULL REFERENCES users (id),
  request_id uuid REFERENCES requests (id),
  visited_at timestamptz NOT NULL,
  place text NOT NULL,
  notes text NOT NULL,
  outcome text NOT NULL,
  minutes integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
