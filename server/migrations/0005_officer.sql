-- Field officers (issue 12): richer visit records and their photos.

-- A visit's place is a device fix (lat/long with accuracy), a typed place, or both.
ALTER TABLE visits ALTER COLUMN place DROP NOT NULL;
ALTER TABLE visits
  ADD COLUMN seq bigserial,
  ADD COLUMN lat double precision,
  ADD COLUMN long double precision,
  ADD COLUMN accuracy_m double precision,
  ADD COLUMN asked text,
  ADD COLUMN language text,
  -- The in_person create_request event filed in the same visit; joined to requests.source_event_id
  -- when read, so the link holds whichever of the two events the server applies first.
  ADD COLUMN request_event_id uuid,
  ADD COLUMN person_consent boolean NOT NULL DEFAULT false,
  ADD COLUMN person_name text,
  ADD COLUMN person_phone text,
  ADD COLUMN person_email text,
  ADD CONSTRAINT visits_place_present CHECK (place IS NOT NULL OR (lat IS NOT NULL AND long IS NOT NULL)),
  -- Personal data only with the person's recorded consent.
  ADD CONSTRAINT visits_person_consent CHECK (
    person_consent OR (person_name IS NULL AND person_phone IS NULL AND person_email IS NULL));
CREATE INDEX visits_officer_idx ON visits (officer_id, seq);

-- Photos taken on a visit; the bytes are in files (they may arrive after the visit).
CREATE TABLE visit_photos (
  visit_id uuid NOT NULL REFERENCES visits (id),
  sha256 text NOT NULL,
  type text NOT NULL,
  size integer NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (visit_id, sha256)
);
