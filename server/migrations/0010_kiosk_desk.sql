-- The staff desk's kiosk page shows when each kiosk last reached the server:
-- any API call carrying its credential (settings on each reset, every sync)
-- sets this, at most once a minute.
ALTER TABLE kiosks ADD COLUMN last_seen_at timestamptz;
