-- The pre-aggregated figures without shared rows to fight over. Until now every write
-- to a request updated the same few rows in its transaction: the council-wide cells of
-- its month (figure_months, figure_month_days), the month's version and its service's
-- day deltas (request_day_deltas). On PostgreSQL two writers then queue on those rows,
-- and two transactions that touch two requests each could deadlock (one holds the
-- 'all' cell the other wants while waiting for the 'channel' cell the other holds):
-- the fuzz run saw it, as a 500 on a staff note and sync events left without a result.
--
-- Now the triggers only append signed rows to a *_pending table (no key, no conflict,
-- no row anyone else writes), and each figure is a view: the folded table plus what is
-- pending, summed by its key. figures_fold() moves what is pending into the folded
-- tables; the server runs it every few seconds (server/metrics/fold.ts), one at a time
-- (an advisory lock), and readers are right whether or not it has run. A month's
-- version is the count of changes to it: it moves with every committed change, in
-- whatever order transactions commit.
ALTER TABLE figure_months RENAME TO figure_months_folded;
ALTER TABLE figure_month_days RENAME TO figure_month_days_folded;
ALTER TABLE figure_month_versions RENAME TO figure_month_versions_folded;
ALTER TABLE request_day_deltas RENAME TO request_day_deltas_folded;

CREATE TABLE figure_months_pending (LIKE figure_months_folded);
CREATE TABLE figure_month_days_pending (LIKE figure_month_days_folded);
CREATE TABLE figure_month_versions_pending (LIKE figure_month_versions_folded);
ALTER TABLE figure_month_versions_pending ALTER COLUMN version SET DEFAULT 1;
CREATE TABLE request_day_deltas_pending (LIKE request_day_deltas_folded);

-- The figures with pending and folded rows, and the folding, worked out from the
-- folded table's columns: its primary key is the key, every other column is summed.
CREATE FUNCTION figure_columns(name text, keyed boolean) RETURNS TABLE (col text, type text)
LANGUAGE sql STABLE AS $$
  SELECT a.attname::text, format_type(a.atttypid, a.atttypmod)
  FROM pg_attribute a
  JOIN pg_class r ON r.oid = a.attrelid AND r.relname = name || '_folded'
    AND r.relnamespace = current_schema()::regnamespace
  LEFT JOIN pg_index i ON i.indrelid = r.oid AND i.indisprimary AND a.attnum = ANY(i.indkey)
  WHERE a.attnum > 0 AND NOT a.attisdropped AND (i.indrelid IS NOT NULL) = keyed
  ORDER BY a.attnum
$$;

DO $$
DECLARE name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['figure_months', 'figure_month_days', 'figure_month_versions', 'request_day_deltas'] LOOP
    EXECUTE format(
      'CREATE VIEW %I AS SELECT %s, %s FROM (SELECT * FROM %I UNION ALL SELECT * FROM %I) c GROUP BY %s',
      name,
      (SELECT string_agg(format('%I', col), ', ') FROM figure_columns(name, true)),
      (SELECT string_agg(format('sum(%I)::%s AS %I', col, type, col), ', ') FROM figure_columns(name, false)),
      name || '_folded', name || '_pending',
      (SELECT string_agg(format('%I', col), ', ') FROM figure_columns(name, true)));
  END LOOP;
END
$$;

-- Moves every pending row committed so far into the folded table: rows appended while
-- it runs stay pending for the next time. Returns the number of rows moved; 0 at once
-- when another fold holds the lock.
CREATE FUNCTION figures_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  name text;
  keys text;
  moved bigint;
  total bigint := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('civic figures_fold')) THEN RETURN 0; END IF;
  FOREACH name IN ARRAY ARRAY['figure_months', 'figure_month_days', 'figure_month_versions', 'request_day_deltas'] LOOP
    keys := (SELECT string_agg(format('%I', col), ', ') FROM figure_columns(name, true));
    EXECUTE format(
      'WITH m AS (DELETE FROM %I RETURNING *), f AS (INSERT INTO %I AS t (%s, %s) SELECT %s, %s FROM m
         GROUP BY %s ORDER BY %s ON CONFLICT (%s) DO UPDATE SET %s RETURNING 1) SELECT count(*) FROM m',
      name || '_pending', name || '_folded', keys,
      (SELECT string_agg(format('%I', col), ', ') FROM figure_columns(name, false)),
      keys,
      (SELECT string_agg(format('sum(%I)', col), ', ') FROM figure_columns(name, false)),
      keys, keys, keys,
      (SELECT string_agg(format('%I = t.%I + EXCLUDED.%I', col, col, col), ', ') FROM figure_columns(name, false)))
    INTO moved;
    total := total + moved;
  END LOOP;
  RETURN total;
END
$$;

-- A month's change: one appended row.
CREATE OR REPLACE FUNCTION figure_month_bump(months date[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO figure_month_versions_pending (month) SELECT DISTINCT m FROM unnest(months) m WHERE m IS NOT NULL
$$;

-- One set of request_facts rows' signed contribution to the month cells, appended.
CREATE FUNCTION figure_months_add(x_rows request_facts[], p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(x_rows) = 0 THEN RETURN; END IF;
  INSERT INTO figure_months_pending
  SELECT c.month, c.service_code, c.kind, c.value, p_sign * count(*),
    p_sign * count(*) FILTER (WHERE x.channel = 'web'), p_sign * count(*) FILTER (WHERE x.channel = 'kiosk'),
    p_sign * count(*) FILTER (WHERE x.channel = 'in_person'), p_sign * count(*) FILTER (WHERE x.channel = 'api'),
    p_sign * count(*) FILTER (WHERE x.channel = 'phone'), p_sign * count(*) FILTER (WHERE x.channel = 'counter'),
    p_sign * count(x.ack_wd), p_sign * count(*) FILTER (WHERE x.ack_d <= x.ack_due), p_sign * count(x.ack_d),
    p_sign * count(x.res_wd),
    p_sign * count(*) FILTER (WHERE x.status IN ('resolved', 'closed') AND x.res_d <= x.level_due),
    p_sign * count(*) FILTER (WHERE x.status IN ('resolved', 'closed')),
    p_sign * count(*) FILTER (WHERE x.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')),
    p_sign * count(x.rating), p_sign * coalesce(sum(x.rating), 0),
    p_sign * count(*) FILTER (WHERE x.rating = 1), p_sign * count(*) FILTER (WHERE x.rating = 2),
    p_sign * count(*) FILTER (WHERE x.rating = 3), p_sign * count(*) FILTER (WHERE x.rating = 4),
    p_sign * count(*) FILTER (WHERE x.rating = 5),
    p_sign * count(*) FILTER (WHERE x.fixed = 'yes'), p_sign * count(*) FILTER (WHERE x.fixed = 'partly'),
    p_sign * count(*) FILTER (WHERE x.fixed = 'no')
  FROM unnest(x_rows) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
  GROUP BY c.kind, c.month, c.service_code, c.value;
  INSERT INTO figure_month_days_pending
  SELECT c.month, c.service_code, c.kind, c.value, d.measure, d.wd, p_sign * count(*),
    p_sign * count(x.rating), p_sign * coalesce(sum(x.rating), 0)
  FROM unnest(x_rows) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
  CROSS JOIN LATERAL (VALUES ('ack', x.ack_wd), ('res', x.res_wd)) d (measure, wd)
  WHERE d.wd IS NOT NULL
  GROUP BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd;
  PERFORM figure_month_bump(ARRAY(SELECT date_trunc('month', x.sub_d)::date FROM unnest(x_rows) x));
END
$$;

-- Old rows whose facts changed are taken off, their new rows added; a row whose facts
-- did not change (most updates of a request) adds nothing.
CREATE OR REPLACE FUNCTION figure_months_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM figure_months_add(ARRAY(SELECT n::request_facts FROM new_facts n), 1);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM figure_months_add(ARRAY(SELECT o::request_facts FROM old_facts o WHERE NOT EXISTS
      (SELECT 1 FROM new_facts n WHERE n.request_id = o.request_id AND n IS NOT DISTINCT FROM o)), -1);
    PERFORM figure_months_add(ARRAY(SELECT n::request_facts FROM new_facts n WHERE NOT EXISTS
      (SELECT 1 FROM old_facts o WHERE o.request_id = n.request_id AND n IS NOT DISTINCT FROM o)), 1);
  ELSE
    PERFORM figure_months_add(ARRAY(SELECT o::request_facts FROM old_facts o), -1);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION request_day_deltas_add(x_rows request_facts[], p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(x_rows) = 0 THEN RETURN; END IF;
  INSERT INTO request_day_deltas_pending
  SELECT d.day, x.service_code, sum(d.backlog), sum(d.overdue)
  FROM unnest(x_rows) x CROSS JOIN LATERAL request_day_deltas_of(x.sub_d, x.end_d, x.level_due, p_sign) d
  GROUP BY 1, 2;
END
$$;

-- As for the months: only rows whose deltas could have changed are taken off and added.
CREATE OR REPLACE FUNCTION request_day_deltas_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM request_day_deltas_add(ARRAY(SELECT n::request_facts FROM new_facts n), 1);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM request_day_deltas_add(ARRAY(SELECT o::request_facts FROM old_facts o WHERE NOT EXISTS
      (SELECT 1 FROM new_facts n WHERE n.request_id = o.request_id
        AND (n.service_code, n.sub_d, n.end_d, n.level_due) IS NOT DISTINCT FROM (o.service_code, o.sub_d, o.end_d, o.level_due))), -1);
    PERFORM request_day_deltas_add(ARRAY(SELECT n::request_facts FROM new_facts n WHERE NOT EXISTS
      (SELECT 1 FROM old_facts o WHERE o.request_id = n.request_id
        AND (n.service_code, n.sub_d, n.end_d, n.level_due) IS NOT DISTINCT FROM (o.service_code, o.sub_d, o.end_d, o.level_due))), 1);
  ELSE
    PERFORM request_day_deltas_add(ARRAY(SELECT o::request_facts FROM old_facts o), -1);
  END IF;
  RETURN NULL;
END
$$;
