-- Who sees what, and for how long (issue 14). The tables for groups and for the
-- record of contact views came with 0006; this adds what using them needs.

-- Where the contact details were shown: the staff desk's request view (or the view an
-- action answers with) or an officer's downloaded day of work.
ALTER TABLE contact_views
  ADD COLUMN via text NOT NULL DEFAULT 'detail' CHECK (via IN ('detail', 'officer_work'));

-- An internal history event when contact details are removed (by the retention sweep or
-- at the person's request).
ALTER TABLE request_events DROP CONSTRAINT request_events_kind_check;
ALTER TABLE request_events ADD CONSTRAINT request_events_kind_check
  CHECK (kind IN ('created', 'acknowledged', 'assigned', 'status_changed', 'note', 'duplicate', 'feedback',
    'attachment', 'visit', 'contact_removed'));

-- The retention sweep looks for finished requests whose contact details are still held.
CREATE INDEX requests_contact_kept_idx ON requests (status, closed_at, resolved_at, updated_at)
  WHERE contact_removed_at IS NULL;
