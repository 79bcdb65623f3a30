-- Evaluation (考核) and reports (issue 7). The figures are computed on demand from the order
-- history (order_event), the orders and the call records; this migration adds the appeals that take
-- an order out of a unit's scoring, their audit trail, the indexes the report queries range over,
-- and the report settings.

-- 申诉: a unit asks that one order not count in its evaluation; the centre approves or rejects.
CREATE TABLE appeal (
  id            BIGSERIAL PRIMARY KEY,
  order_id      BIGINT NOT NULL REFERENCES work_order (id),
  unit_code     TEXT NOT NULL REFERENCES unit (code),
  reason        TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  filed_by      TEXT NOT NULL,
  filed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  decided_by    TEXT,
  decided_at    TIMESTAMPTZ,
  decision_note TEXT
);
-- One live appeal per order and unit: a rejected one may be filed again, an approved one is final.
CREATE UNIQUE INDEX appeal_live_once ON appeal (order_id, unit_code) WHERE state IN ('pending', 'approved');
CREATE INDEX appeal_state_idx ON appeal (state, filed_at DESC);
CREATE INDEX appeal_unit_idx ON appeal (unit_code, filed_at DESC);

-- Who did what to an appeal, when, from which state to which: append-only like order_event.
CREATE TABLE appeal_event (
  id         BIGSERIAL PRIMARY KEY,
  appeal_id  BIGINT NOT NULL REFERENCES appeal (id),
  action     TEXT NOT NULL CHECK (action IN ('file', 'approve', 'reject')),
  actor      TEXT NOT NULL,
  at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  from_state TEXT,
  to_state   TEXT NOT NULL,
  note       TEXT
);
CREATE INDEX appeal_event_appeal_idx ON appeal_event (appeal_id, id);
CREATE TRIGGER appeal_event_no_update BEFORE UPDATE OR DELETE ON appeal_event
  FOR EACH ROW EXECUTE FUNCTION order_event_append_only();

-- Report ranges: dispatches of a period (who received what), orders created and answered by an
-- agent in a period, and the ratings recorded on a day, each one index range scan.
CREATE INDEX order_event_action_at_idx ON order_event (action, at);
CREATE INDEX order_event_result_at_idx ON order_event (at) WHERE payload ? 'result';
-- Per-agent call figures over a period.
CREATE INDEX call_record_agent_idx ON call_record (agent, entered_at) WHERE agent IS NOT NULL;
-- Post-call survey answers joined to their call.
CREATE INDEX survey_result_call_idx ON survey_result (call_id);

-- 热点: a category or area is hot when its count in the last windowHours exceeds the mean of the
-- same window on each of the previous baselineDays days by marginPercent, with at least minCount.
-- 考核 ranking: the weights of the composite score (a missing figure's weight is left out).
INSERT INTO setting (key, value) VALUES
  ('hot_issues', '{"windowHours": 24, "baselineDays": 7, "marginPercent": 50, "minCount": 5}'),
  ('evaluation_weights',
   '{"signedOnTime": 20, "completedOnTime": 30, "satisfaction": 40, "rehandle": 10, "return": 0}')
ON CONFLICT (key) DO NOTHING;
