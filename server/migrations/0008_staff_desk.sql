-- Staff desk: requests taken by phone or at the counter, the minutes staff
-- spend on each action, and the response templates managers keep.

-- Phone and counter requests are filed by staff for the person in front of
-- them; created_by (already there) records who took them.
ALTER TABLE requests DROP CONSTRAINT requests_channel_check;
ALTER TABLE requests ADD CONSTRAINT requests_channel_check
  CHECK (channel IN ('web', 'kiosk', 'in_person', 'api', 'phone', 'counter'));

-- Minutes a staff member spent on the action this row records: measured
-- while the request page was open and focused ('timer'), or typed ('manual').
-- Feeds "staff minutes per request".
ALTER TABLE request_events ADD COLUMN staff_minutes real
  CHECK (staff_minutes >= 0 AND staff_minutes <= 480);
ALTER TABLE request_events ADD COLUMN staff_time_source text
  CHECK (staff_time_source IN ('timer', 'manual'));

-- Public messages for a status, per service (NULL: any service), with a text
-- per language: { "en": "...", "fr": "..." }. The jurisdiction's default
-- language is always present, so every person gets a text.
CREATE TABLE response_templates (
  id uuid PRIMARY KEY,
  service_code text REFERENCES services (service_code),
  status text NOT NULL CHECK (status IN ('acknowledged', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate')),
  name text NOT NULL,
  texts jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX response_templates_lookup_idx ON response_templates (status, service_code);
