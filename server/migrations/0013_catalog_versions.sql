-- The catalog kept by managers (server/catalog/admin.ts). Every save of a service is a new
-- version: services holds the current one (data, version, active), service_versions every
-- one ever saved with who saved it and when, so the desk shows the history and a request
-- made on an older form can be read against the definition it was made on.
ALTER TABLE services ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE services ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE service_versions (
  service_code text NOT NULL REFERENCES services (service_code),
  version integer NOT NULL CHECK (version >= 1),
  -- Switched on or off in this version: switching is a change worth keeping too.
  active boolean NOT NULL,
  -- The full definition (src/core/catalog.ts serviceSchema), version included.
  definition jsonb NOT NULL,
  -- NULL: seeded from the catalog file, not by a person.
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_code, version)
);

-- A database seeded before this: its services are version 1 as they stand.
INSERT INTO service_versions (service_code, version, active, definition, created_at)
SELECT service_code, 1, active, data || '{"version": 1}'::jsonb, created_at FROM services;

-- The version of the service's definition a request was made on (NULL: before versions).
ALTER TABLE requests ADD COLUMN service_version integer;
