-- Dashboard speed on 100,000 requests (issue 14).
--
-- Bulk loads (the demo seed, benchmarks) can defer request_facts: with
-- civic.defer_facts = 'on' for their transaction the requests trigger does nothing,
-- and the loader fills the missing rows in one set-based statement afterwards
-- (server/demo/seed-demo.ts). Row-by-row lookups per 5,000-row chunk made a seeded
-- year take minutes. Everything else leaves the setting unset and keeps the 0014
-- behaviour exactly.
CREATE OR REPLACE FUNCTION request_facts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('civic.defer_facts', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
