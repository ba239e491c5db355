-- Ingest at load: the request_facts trigger (0006) computed its rows as
-- `request_facts_source WHERE request_id IN (SELECT id FROM changed_requests)`,
-- and the planner, joining first and filtering last, computed the facts of every
-- request on each insert: a sync batch got slower as the table grew (about 10 ms
-- per statement at a few hundred requests). Now each changed request's facts are
-- looked up by its id (OFFSET 0 keeps the planner from flattening the subquery
-- back into one big join), so the cost follows the rows written, not the table.
CREATE OR REPLACE FUNCTION request_facts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_facts
    SELECT v.* FROM (SELECT DISTINCT id FROM changed_requests ORDER BY id) c
    CROSS JOIN LATERAL (SELECT * FROM request_facts_source s WHERE s.request_id = c.id OFFSET 0) v
  ON CONFLICT (request_id) DO UPDATE SET
    service_code = EXCLUDED.service_code, channel = EXCLUDED.channel, language = EXCLUDED.language,
    status = EXCLUDED.status, sub_d = EXCLUDED.sub_d, ack_d = EXCLUDED.ack_d, res_d = EXCLUDED.res_d,
    end_d = EXCLUDED.end_d, level_due = EXCLUDED.level_due, ack_due = EXCLUDED.ack_due,
    ack_wd = EXCLUDED.ack_wd, res_wd = EXCLUDED.res_wd, rating = EXCLUDED.rating, fixed = EXCLUDED.fixed,
    area = EXCLUDED.area;
  RETURN NULL;
END
$$;
