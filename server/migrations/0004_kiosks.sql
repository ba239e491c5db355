-- Kiosks at service centres. A kiosk is registered by an admin (a one-time
-- enrolment code, kept only as a SHA-256 and valid for a few days), then a
-- device exchanges the code for a long-lived credential (also kept only as a
-- SHA-256). Revoking keeps the row: requests already filed keep their kiosk_id,
-- and the kiosk's later sync attempts get a clear 'kiosk_revoked'.
CREATE TABLE kiosks (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  settings jsonb NOT NULL,
  enrol_code_hash text UNIQUE,
  enrol_expires_at timestamptz,
  credential_hash text UNIQUE,
  enrolled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The kiosk a request was filed at, for the channel figures. Only kiosk requests carry one.
ALTER TABLE requests ADD COLUMN kiosk_id uuid REFERENCES kiosks (id);
ALTER TABLE requests ADD CONSTRAINT requests_kiosk_channel CHECK (kiosk_id IS NULL OR channel = 'kiosk');
CREATE INDEX requests_kiosk_idx ON requests (kiosk_id) WHERE kiosk_id IS NOT NULL;
