-- The figures pre-aggregated per local month (issue 14: the year's dashboard and the
-- scorecard under a second on 100,000 requests). Kept by statement triggers on
-- request_facts, as request_day_deltas (0011) is, so every writer keeps them — the
-- requests trigger, the demo seed's set-based fill, the calendar's refill of every row:
-- an old row's contribution is taken off and the new row's added, in the same
-- transaction. server/metrics/months.ts reads them for whole months and computes the
-- rest (a month only partly in the period, whether an open request is late today)
-- from request_facts.
--
-- Cells: kind 'all' per service (value ''); kinds 'channel', 'language' and 'area' for
-- the whole council (service_code '', value the segment, '' for no area). Only counts
-- that never change with the date are kept; lateness of open requests is judged live.
CREATE TABLE figure_months (
  month date NOT NULL,
  service_code text NOT NULL,
  kind text NOT NULL,
  value text NOT NULL,
  received integer NOT NULL,
  ch_web integer NOT NULL,
  ch_kiosk integer NOT NULL,
  ch_in_person integer NOT NULL,
  ch_api integer NOT NULL,
  ch_phone integer NOT NULL,
  ch_counter integer NOT NULL,
  ack_n integer NOT NULL,
  ack_on_time integer NOT NULL,
  ack_done integer NOT NULL,
  res_n integer NOT NULL,
  res_on_time integer NOT NULL,
  resolved integer NOT NULL,
  open integer NOT NULL,
  answers integer NOT NULL,
  rating_sum integer NOT NULL,
  r1 integer NOT NULL,
  r2 integer NOT NULL,
  r3 integer NOT NULL,
  r4 integer NOT NULL,
  r5 integer NOT NULL,
  fixed_yes integer NOT NULL,
  fixed_partly integer NOT NULL,
  fixed_no integer NOT NULL,
  PRIMARY KEY (kind, month, service_code, value)
);

-- The working days to first response ('ack') and to resolution ('res') as counts per
-- value, so medians and 90th percentiles are exact over any set of months; with the
-- answers and their sum for satisfaction by days.
CREATE TABLE figure_month_days (
  month date NOT NULL,
  service_code text NOT NULL,
  kind text NOT NULL,
  value text NOT NULL,
  measure text NOT NULL,
  wd integer NOT NULL,
  n integer NOT NULL,
  rated integer NOT NULL,
  rating_sum integer NOT NULL,
  PRIMARY KEY (kind, month, service_code, value, measure, wd)
);

-- The cells one request counts in (one per kind).
CREATE FUNCTION figure_cells_of(sub_d date, service_code text, channel text, language text, area text)
RETURNS TABLE (month date, kind text, service_code text, value text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', sub_d)::date, k.kind, k.svc, k.value
  FROM (VALUES ('all', service_code, ''), ('channel', '', channel), ('language', '', language),
    ('area', '', coalesce(area, ''))) k (kind, svc, value)
$$;

-- Staff minutes and what matters most read each request's events and visits: their
-- figures for a whole month are kept once computed (the *_memo tables, filled by
-- server/metrics/memo.ts) and stand while the month's version is still the one they
-- were computed at. Any change to a request's facts, its events or its visits moves
-- its month's version on (request_facts below, request_events and visits at the end).
CREATE TABLE figure_month_versions (month date PRIMARY KEY, version bigint NOT NULL);
CREATE TABLE figure_month_memo (month date PRIMARY KEY, version bigint NOT NULL);
CREATE TABLE work_month_memo (
  month date NOT NULL,
  service_code text NOT NULL,
  action text NOT NULL,
  requests integer NOT NULL,
  actions integer NOT NULL,
  minutes float8 NOT NULL,
  PRIMARY KEY (month, service_code, action)
);
-- Exact sums for Pearson's r of the rating (y) with each measure (x), over the answered
-- requests where the measure is known.
CREATE TABLE matters_month_memo (
  month date NOT NULL,
  service_code text NOT NULL,
  measure text NOT NULL,
  n bigint NOT NULL,
  sx numeric NOT NULL,
  sy numeric NOT NULL,
  sxx numeric NOT NULL,
  syy numeric NOT NULL,
  sxy numeric NOT NULL,
  PRIMARY KEY (month, service_code, measure)
);

CREATE FUNCTION figure_month_bump(months date[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO figure_month_versions SELECT m, 1 FROM unnest(months) m WHERE m IS NOT NULL ORDER BY 1
  ON CONFLICT (month) DO UPDATE SET version = figure_month_versions.version + 1
$$;

-- Signed contributions of a set of request_facts rows (x, with x.sign ±1), written
-- in key order so concurrent writers on PostgreSQL lock cells in the same order.
CREATE FUNCTION figure_months_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Static statements per operation (not EXECUTE): their plans are kept between calls,
  -- which is most of the cost of one request's write. The three differ only in x.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO figure_months AS t
    SELECT c.month, c.service_code, c.kind, c.value, sum(x.sign),
      sum(x.sign * (x.channel = 'web')::int), sum(x.sign * (x.channel = 'kiosk')::int),
      sum(x.sign * (x.channel = 'in_person')::int), sum(x.sign * (x.channel = 'api')::int),
      sum(x.sign * (x.channel = 'phone')::int), sum(x.sign * (x.channel = 'counter')::int),
      sum(x.sign * (x.ack_wd IS NOT NULL)::int), sum(x.sign * coalesce(x.ack_d <= x.ack_due, false)::int),
      sum(x.sign * (x.ack_d IS NOT NULL)::int), sum(x.sign * (x.res_wd IS NOT NULL)::int),
      sum(x.sign * coalesce(x.status IN ('resolved', 'closed') AND x.res_d <= x.level_due, false)::int),
      sum(x.sign * (x.status IN ('resolved', 'closed'))::int),
      sum(x.sign * (x.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate'))::int),
      sum(x.sign * (x.rating IS NOT NULL)::int), sum(x.sign * coalesce(x.rating, 0)),
      sum(x.sign * coalesce(x.rating = 1, false)::int), sum(x.sign * coalesce(x.rating = 2, false)::int),
      sum(x.sign * coalesce(x.rating = 3, false)::int), sum(x.sign * coalesce(x.rating = 4, false)::int),
      sum(x.sign * coalesce(x.rating = 5, false)::int),
      sum(x.sign * coalesce(x.fixed = 'yes', false)::int), sum(x.sign * coalesce(x.fixed = 'partly', false)::int),
      sum(x.sign * coalesce(x.fixed = 'no', false)::int)
    FROM (SELECT n.*, 1 AS sign FROM new_facts n) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
    GROUP BY c.kind, c.month, c.service_code, c.value ORDER BY c.kind, c.month, c.service_code, c.value
    ON CONFLICT (kind, month, service_code, value) DO UPDATE SET
      received = t.received + EXCLUDED.received, ch_web = t.ch_web + EXCLUDED.ch_web,
      ch_kiosk = t.ch_kiosk + EXCLUDED.ch_kiosk, ch_in_person = t.ch_in_person + EXCLUDED.ch_in_person,
      ch_api = t.ch_api + EXCLUDED.ch_api, ch_phone = t.ch_phone + EXCLUDED.ch_phone,
      ch_counter = t.ch_counter + EXCLUDED.ch_counter, ack_n = t.ack_n + EXCLUDED.ack_n,
      ack_on_time = t.ack_on_time + EXCLUDED.ack_on_time, ack_done = t.ack_done + EXCLUDED.ack_done,
      res_n = t.res_n + EXCLUDED.res_n, res_on_time = t.res_on_time + EXCLUDED.res_on_time,
      resolved = t.resolved + EXCLUDED.resolved, open = t.open + EXCLUDED.open,
      answers = t.answers + EXCLUDED.answers, rating_sum = t.rating_sum + EXCLUDED.rating_sum,
      r1 = t.r1 + EXCLUDED.r1, r2 = t.r2 + EXCLUDED.r2, r3 = t.r3 + EXCLUDED.r3, r4 = t.r4 + EXCLUDED.r4,
      r5 = t.r5 + EXCLUDED.r5, fixed_yes = t.fixed_yes + EXCLUDED.fixed_yes,
      fixed_partly = t.fixed_partly + EXCLUDED.fixed_partly, fixed_no = t.fixed_no + EXCLUDED.fixed_no;
    INSERT INTO figure_month_days AS t
    SELECT c.month, c.service_code, c.kind, c.value, d.measure, d.wd, sum(x.sign),
      sum(x.sign * (x.rating IS NOT NULL)::int), sum(x.sign * coalesce(x.rating, 0))
    FROM (SELECT n.*, 1 AS sign FROM new_facts n) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
    CROSS JOIN LATERAL (VALUES ('ack', x.ack_wd), ('res', x.res_wd)) d (measure, wd)
    WHERE d.wd IS NOT NULL
    GROUP BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd
    ORDER BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd
    ON CONFLICT (kind, month, service_code, value, measure, wd) DO UPDATE SET
      n = t.n + EXCLUDED.n, rated = t.rated + EXCLUDED.rated, rating_sum = t.rating_sum + EXCLUDED.rating_sum;
    PERFORM figure_month_bump(ARRAY(SELECT DISTINCT date_trunc('month', x.sub_d)::date FROM (SELECT n.*, 1 AS sign FROM new_facts n) x));
  ELSIF TG_OP = 'UPDATE' THEN
    -- Rows whose facts did not change (most updates of a request) add nothing.
    INSERT INTO figure_months AS t
    SELECT c.month, c.service_code, c.kind, c.value, sum(x.sign),
      sum(x.sign * (x.channel = 'web')::int), sum(x.sign * (x.channel = 'kiosk')::int),
      sum(x.sign * (x.channel = 'in_person')::int), sum(x.sign * (x.channel = 'api')::int),
      sum(x.sign * (x.channel = 'phone')::int), sum(x.sign * (x.channel = 'counter')::int),
      sum(x.sign * (x.ack_wd IS NOT NULL)::int), sum(x.sign * coalesce(x.ack_d <= x.ack_due, false)::int),
      sum(x.sign * (x.ack_d IS NOT NULL)::int), sum(x.sign * (x.res_wd IS NOT NULL)::int),
      sum(x.sign * coalesce(x.status IN ('resolved', 'closed') AND x.res_d <= x.level_due, false)::int),
      sum(x.sign * (x.status IN ('resolved', 'closed'))::int),
      sum(x.sign * (x.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate'))::int),
      sum(x.sign * (x.rating IS NOT NULL)::int), sum(x.sign * coalesce(x.rating, 0)),
      sum(x.sign * coalesce(x.rating = 1, false)::int), sum(x.sign * coalesce(x.rating = 2, false)::int),
      sum(x.sign * coalesce(x.rating = 3, false)::int), sum(x.sign * coalesce(x.rating = 4, false)::int),
      sum(x.sign * coalesce(x.rating = 5, false)::int),
      sum(x.sign * coalesce(x.fixed = 'yes', false)::int), sum(x.sign * coalesce(x.fixed = 'partly', false)::int),
      sum(x.sign * coalesce(x.fixed = 'no', false)::int)
    FROM (SELECT o.*, -1 AS sign FROM old_facts o WHERE NOT EXISTS
        (SELECT 1 FROM new_facts n WHERE n.request_id = o.request_id AND n IS NOT DISTINCT FROM o)
      UNION ALL SELECT n.*, 1 FROM new_facts n WHERE NOT EXISTS
        (SELECT 1 FROM old_facts o WHERE o.request_id = n.request_id AND n IS NOT DISTINCT FROM o)) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
    GROUP BY c.kind, c.month, c.service_code, c.value ORDER BY c.kind, c.month, c.service_code, c.value
    ON CONFLICT (kind, month, service_code, value) DO UPDATE SET
      received = t.received + EXCLUDED.received, ch_web = t.ch_web + EXCLUDED.ch_web,
      ch_kiosk = t.ch_kiosk + EXCLUDED.ch_kiosk, ch_in_person = t.ch_in_person + EXCLUDED.ch_in_person,
      ch_api = t.ch_api + EXCLUDED.ch_api, ch_phone = t.ch_phone + EXCLUDED.ch_phone,
      ch_counter = t.ch_counter + EXCLUDED.ch_counter, ack_n = t.ack_n + EXCLUDED.ack_n,
      ack_on_time = t.ack_on_time + EXCLUDED.ack_on_time, ack_done = t.ack_done + EXCLUDED.ack_done,
      res_n = t.res_n + EXCLUDED.res_n, res_on_time = t.res_on_time + EXCLUDED.res_on_time,
      resolved = t.resolved + EXCLUDED.resolved, open = t.open + EXCLUDED.open,
      answers = t.answers + EXCLUDED.answers, rating_sum = t.rating_sum + EXCLUDED.rating_sum,
      r1 = t.r1 + EXCLUDED.r1, r2 = t.r2 + EXCLUDED.r2, r3 = t.r3 + EXCLUDED.r3, r4 = t.r4 + EXCLUDED.r4,
      r5 = t.r5 + EXCLUDED.r5, fixed_yes = t.fixed_yes + EXCLUDED.fixed_yes,
      fixed_partly = t.fixed_partly + EXCLUDED.fixed_partly, fixed_no = t.fixed_no + EXCLUDED.fixed_no;
    INSERT INTO figure_month_days AS t
    SELECT c.month, c.service_code, c.kind, c.value, d.measure, d.wd, sum(x.sign),
      sum(x.sign * (x.rating IS NOT NULL)::int), sum(x.sign * coalesce(x.rating, 0))
    FROM (SELECT o.*, -1 AS sign FROM old_facts o WHERE NOT EXISTS
        (SELECT 1 FROM new_facts n WHERE n.request_id = o.request_id AND n IS NOT DISTINCT FROM o)
      UNION ALL SELECT n.*, 1 FROM new_facts n WHERE NOT EXISTS
        (SELECT 1 FROM old_facts o WHERE o.request_id = n.request_id AND n IS NOT DISTINCT FROM o)) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
    CROSS JOIN LATERAL (VALUES ('ack', x.ack_wd), ('res', x.res_wd)) d (measure, wd)
    WHERE d.wd IS NOT NULL
    GROUP BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd
    ORDER BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd
    ON CONFLICT (kind, month, service_code, value, measure, wd) DO UPDATE SET
      n = t.n + EXCLUDED.n, rated = t.rated + EXCLUDED.rated, rating_sum = t.rating_sum + EXCLUDED.rating_sum;
    PERFORM figure_month_bump(ARRAY(SELECT DISTINCT date_trunc('month', x.sub_d)::date FROM (SELECT o.*, -1 AS sign FROM old_facts o WHERE NOT EXISTS
        (SELECT 1 FROM new_facts n WHERE n.request_id = o.request_id AND n IS NOT DISTINCT FROM o)
      UNION ALL SELECT n.*, 1 FROM new_facts n WHERE NOT EXISTS
        (SELECT 1 FROM old_facts o WHERE o.request_id = n.request_id AND n IS NOT DISTINCT FROM o)) x));
  ELSE
    INSERT INTO figure_months AS t
    SELECT c.month, c.service_code, c.kind, c.value, sum(x.sign),
      sum(x.sign * (x.channel = 'web')::int), sum(x.sign * (x.channel = 'kiosk')::int),
      sum(x.sign * (x.channel = 'in_person')::int), sum(x.sign * (x.channel = 'api')::int),
      sum(x.sign * (x.channel = 'phone')::int), sum(x.sign * (x.channel = 'counter')::int),
      sum(x.sign * (x.ack_wd IS NOT NULL)::int), sum(x.sign * coalesce(x.ack_d <= x.ack_due, false)::int),
      sum(x.sign * (x.ack_d IS NOT NULL)::int), sum(x.sign * (x.res_wd IS NOT NULL)::int),
      sum(x.sign * coalesce(x.status IN ('resolved', 'closed') AND x.res_d <= x.level_due, false)::int),
      sum(x.sign * (x.status IN ('resolved', 'closed'))::int),
      sum(x.sign * (x.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate'))::int),
      sum(x.sign * (x.rating IS NOT NULL)::int), sum(x.sign * coalesce(x.rating, 0)),
      sum(x.sign * coalesce(x.rating = 1, false)::int), sum(x.sign * coalesce(x.rating = 2, false)::int),
      sum(x.sign * coalesce(x.rating = 3, false)::int), sum(x.sign * coalesce(x.rating = 4, false)::int),
      sum(x.sign * coalesce(x.rating = 5, false)::int),
      sum(x.sign * coalesce(x.fixed = 'yes', false)::int), sum(x.sign * coalesce(x.fixed = 'partly', false)::int),
      sum(x.sign * coalesce(x.fixed = 'no', false)::int)
    FROM (SELECT o.*, -1 AS sign FROM old_facts o) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
    GROUP BY c.kind, c.month, c.service_code, c.value ORDER BY c.kind, c.month, c.service_code, c.value
    ON CONFLICT (kind, month, service_code, value) DO UPDATE SET
      received = t.received + EXCLUDED.received, ch_web = t.ch_web + EXCLUDED.ch_web,
      ch_kiosk = t.ch_kiosk + EXCLUDED.ch_kiosk, ch_in_person = t.ch_in_person + EXCLUDED.ch_in_person,
      ch_api = t.ch_api + EXCLUDED.ch_api, ch_phone = t.ch_phone + EXCLUDED.ch_phone,
      ch_counter = t.ch_counter + EXCLUDED.ch_counter, ack_n = t.ack_n + EXCLUDED.ack_n,
      ack_on_time = t.ack_on_time + EXCLUDED.ack_on_time, ack_done = t.ack_done + EXCLUDED.ack_done,
      res_n = t.res_n + EXCLUDED.res_n, res_on_time = t.res_on_time + EXCLUDED.res_on_time,
      resolved = t.resolved + EXCLUDED.resolved, open = t.open + EXCLUDED.open,
      answers = t.answers + EXCLUDED.answers, rating_sum = t.rating_sum + EXCLUDED.rating_sum,
      r1 = t.r1 + EXCLUDED.r1, r2 = t.r2 + EXCLUDED.r2, r3 = t.r3 + EXCLUDED.r3, r4 = t.r4 + EXCLUDED.r4,
      r5 = t.r5 + EXCLUDED.r5, fixed_yes = t.fixed_yes + EXCLUDED.fixed_yes,
      fixed_partly = t.fixed_partly + EXCLUDED.fixed_partly, fixed_no = t.fixed_no + EXCLUDED.fixed_no;
    INSERT INTO figure_month_days AS t
    SELECT c.month, c.service_code, c.kind, c.value, d.measure, d.wd, sum(x.sign),
      sum(x.sign * (x.rating IS NOT NULL)::int), sum(x.sign * coalesce(x.rating, 0))
    FROM (SELECT o.*, -1 AS sign FROM old_facts o) x CROSS JOIN LATERAL figure_cells_of(x.sub_d, x.service_code, x.channel, x.language, x.area) c
    CROSS JOIN LATERAL (VALUES ('ack', x.ack_wd), ('res', x.res_wd)) d (measure, wd)
    WHERE d.wd IS NOT NULL
    GROUP BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd
    ORDER BY c.kind, c.month, c.service_code, c.value, d.measure, d.wd
    ON CONFLICT (kind, month, service_code, value, measure, wd) DO UPDATE SET
      n = t.n + EXCLUDED.n, rated = t.rated + EXCLUDED.rated, rating_sum = t.rating_sum + EXCLUDED.rating_sum;
    PERFORM figure_month_bump(ARRAY(SELECT DISTINCT date_trunc('month', x.sub_d)::date FROM (SELECT o.*, -1 AS sign FROM old_facts o) x));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER request_facts_months_insert AFTER INSERT ON request_facts
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION figure_months_apply();
CREATE TRIGGER request_facts_months_update AFTER UPDATE ON request_facts
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION figure_months_apply();
CREATE TRIGGER request_facts_months_delete AFTER DELETE ON request_facts
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION figure_months_apply();

-- A request's visits, for its staff minutes (memo.ts reads them request by request).
CREATE INDEX visits_request_idx ON visits (request_id);

-- Open requests by date: whether one is late is decided against today, at query time.
CREATE INDEX request_facts_open_idx ON request_facts (sub_d)
  WHERE status NOT IN ('resolved', 'closed', 'rejected', 'duplicate');

-- Requests from before this migration: taken out and put back, so the insert trigger
-- counts each once (the delete trigger is off; 0011's deltas go off and on again, net nil).
CREATE TEMPORARY TABLE figure_months_fill AS SELECT * FROM request_facts;
ALTER TABLE request_facts DISABLE TRIGGER request_facts_months_delete;
DELETE FROM request_facts;
ALTER TABLE request_facts ENABLE TRIGGER request_facts_months_delete;
INSERT INTO request_facts SELECT * FROM figure_months_fill;
DROP TABLE figure_months_fill;

-- An event or a visit moves its request's month on.
CREATE FUNCTION figure_month_bump_for_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM figure_month_bump(ARRAY(SELECT DISTINCT date_trunc('month', f.sub_d)::date
      FROM new_rows e JOIN request_facts f ON f.request_id = e.request_id));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM figure_month_bump(ARRAY(SELECT DISTINCT date_trunc('month', f.sub_d)::date
      FROM old_rows e JOIN request_facts f ON f.request_id = e.request_id));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER request_events_months_insert AFTER INSERT ON request_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_month_bump_for_requests();
CREATE TRIGGER request_events_months_update AFTER UPDATE ON request_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_month_bump_for_requests();
CREATE TRIGGER request_events_months_delete AFTER DELETE ON request_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_month_bump_for_requests();
CREATE TRIGGER visits_months_insert AFTER INSERT ON visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_month_bump_for_requests();
CREATE TRIGGER visits_months_update AFTER UPDATE ON visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_month_bump_for_requests();
CREATE TRIGGER visits_months_delete AFTER DELETE ON visits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_month_bump_for_requests();
