-- The dashboard's backlog and overdue over time, pre-aggregated: per local day and
-- service, how the backlog and the overdue count change that day (the deltas of
-- server/metrics/backlog.ts). Kept by statement triggers on request_facts, so every
-- writer — the requests trigger of 0006 and the calendar's refill of every row —
-- keeps it: an old row's deltas are taken off, the new row's added. The dashboard then
-- sums a few thousand rows instead of reading every request ever made.
CREATE TABLE request_day_deltas (
  day date NOT NULL,
  service_code text NOT NULL,
  backlog integer NOT NULL,
  overdue integer NOT NULL,
  PRIMARY KEY (day, service_code)
);

-- One request's deltas, signed: +1 backlog the day it came in, -1 the day after it
-- finished; +1 overdue the day after its level date, -1 the day after it finished
-- if that was later (the definitions of metrics/backlog.ts).
CREATE FUNCTION request_day_deltas_of(sub_d date, end_d date, level_due date, sign integer)
RETURNS TABLE (day date, backlog integer, overdue integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT sub_d, sign, 0
  UNION ALL SELECT greatest(end_d, sub_d) + 1, -sign, 0 WHERE end_d IS NOT NULL
  UNION ALL SELECT level_due + 1, 0, sign WHERE level_due IS NOT NULL AND (end_d IS NULL OR end_d > level_due)
  UNION ALL SELECT end_d + 1, 0, -sign WHERE end_d > level_due
$$;

CREATE FUNCTION request_day_deltas_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO request_day_deltas
      SELECT d.day, x.service_code, sum(d.backlog), sum(d.overdue)
      FROM new_facts x CROSS JOIN LATERAL request_day_deltas_of(x.sub_d, x.end_d, x.level_due, 1) d GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, service_code) DO UPDATE SET backlog = request_day_deltas.backlog + EXCLUDED.backlog,
      overdue = request_day_deltas.overdue + EXCLUDED.overdue;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO request_day_deltas
      SELECT d.day, x.service_code, sum(d.backlog), sum(d.overdue)
      FROM (SELECT o.service_code, o.sub_d, o.end_d, o.level_due, -1 AS sign FROM old_facts o
            UNION ALL SELECT n.service_code, n.sub_d, n.end_d, n.level_due, 1 FROM new_facts n) x
      CROSS JOIN LATERAL request_day_deltas_of(x.sub_d, x.end_d, x.level_due, x.sign) d
      GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, service_code) DO UPDATE SET backlog = request_day_deltas.backlog + EXCLUDED.backlog,
      overdue = request_day_deltas.overdue + EXCLUDED.overdue;
  ELSE
    INSERT INTO request_day_deltas
      SELECT d.day, x.service_code, sum(d.backlog), sum(d.overdue)
      FROM old_facts x CROSS JOIN LATERAL request_day_deltas_of(x.sub_d, x.end_d, x.level_due, -1) d GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, service_code) DO UPDATE SET backlog = request_day_deltas.backlog + EXCLUDED.backlog,
      overdue = request_day_deltas.overdue + EXCLUDED.overdue;
  END IF;
  -- Rows are written in key order (ORDER BY) so concurrent writers on PostgreSQL lock
  -- the same day rows in the same order and cannot deadlock.
  RETURN NULL;
END
$$;

CREATE TRIGGER request_facts_deltas_insert AFTER INSERT ON request_facts
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION request_day_deltas_apply();
CREATE TRIGGER request_facts_deltas_update AFTER UPDATE ON request_facts
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION request_day_deltas_apply();
CREATE TRIGGER request_facts_deltas_delete AFTER DELETE ON request_facts
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION request_day_deltas_apply();

INSERT INTO request_day_deltas
  SELECT d.day, x.service_code, sum(d.backlog), sum(d.overdue)
  FROM request_facts x CROSS JOIN LATERAL request_day_deltas_of(x.sub_d, x.end_d, x.level_due, 1) d GROUP BY 1, 2;
