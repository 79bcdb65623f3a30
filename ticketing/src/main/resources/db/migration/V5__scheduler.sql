-- The deadline scheduler (issue 7). It never changes an order's state; it adds history events,
-- notices and, after a grace, the supervision mark (督办).
--
-- sign_warn_at / due_warn_at: when the unit is warned about the sign / completion deadline (75 % of
-- the time used by default: working time, natural time for urgent orders), never earlier than the
-- moment it was computed. NULL = not computed yet: the scheduler fills it; 'infinity' = no such
-- deadline. Reset by the trigger below whenever the deadline may have moved or the clock restarts.
ALTER TABLE work_order
  ADD COLUMN sign_warn_at TIMESTAMPTZ,
  ADD COLUMN due_warn_at  TIMESTAMPTZ;

CREATE FUNCTION work_order_reset_warnings() RETURNS trigger AS $$
BEGIN
  IF NEW.dispatched_at IS DISTINCT FROM OLD.dispatched_at
     OR (OLD.paused_since IS NOT NULL AND NEW.paused_since IS NULL)
     OR (NEW.state IN ('DISPATCHED', 'ACCEPTED') AND OLD.state NOT IN ('DISPATCHED', 'ACCEPTED')) THEN
    NEW.sign_warn_at := NULL;
    NEW.due_warn_at := NULL;
  END IF;
  IF NEW.sign_deadline IS DISTINCT FROM OLD.sign_deadline THEN
    NEW.sign_warn_at := NULL;
  END IF;
  IF NEW.due_deadline IS DISTINCT FROM OLD.due_deadline THEN
    NEW.due_warn_at := NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER work_order_reset_warnings
  BEFORE UPDATE OF state, sign_deadline, due_deadline, dispatched_at, paused_since ON work_order
  FOR EACH ROW EXECUTE FUNCTION work_order_reset_warnings();

-- A sweep looks only at the moments between the previous sweep and now: four range scans over
-- small partial indexes (work_order_open_deadline_idx of V1 serves the completion deadline).
CREATE INDEX work_order_sign_warn_idx ON work_order (sign_warn_at) WHERE state = 'DISPATCHED';
CREATE INDEX work_order_sign_deadline_idx ON work_order (sign_deadline) WHERE state = 'DISPATCHED';
CREATE INDEX work_order_due_warn_idx ON work_order (due_warn_at)
  WHERE state IN ('DISPATCHED', 'ACCEPTED');
CREATE INDEX work_order_warn_missing_idx ON work_order (id)
  WHERE state IN ('DISPATCHED', 'ACCEPTED') AND (sign_warn_at IS NULL OR due_warn_at IS NULL);

-- Where the last complete sweep got to; the next one covers [swept_until, now).
CREATE TABLE scheduler_state (
  id          BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  swept_until TIMESTAMPTZ NOT NULL,
  swept_by    TEXT,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO scheduler_state (swept_until) VALUES ('-infinity');

-- Each (order, deadline kind, deadline, level) is noticed once: a restart or a catch-up after
-- downtime inserts ON CONFLICT DO NOTHING and acts only on what is new.
-- level: warning (75 % used), overdue (deadline passed), urgent-unsigned (an urgent order not
-- signed within its 30-minute sign time: shown on the wallboard).
-- escalated: an overdue notice that the supervision step has handled (supervised or skipped).
CREATE TABLE deadline_notice (
  order_id  BIGINT NOT NULL, -- work_order (id); no foreign key: orders are never deleted and the
                            -- check would cost a row lock per notice in a catch-up sweep
  kind      TEXT NOT NULL CHECK (kind IN ('sign', 'due')),
  deadline  TIMESTAMPTZ NOT NULL,
  level     TEXT NOT NULL CHECK (level IN ('warning', 'overdue', 'urgent-unsigned')),
  at        TIMESTAMPTZ NOT NULL,
  escalated BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (order_id, kind, deadline, level)
);
CREATE INDEX deadline_notice_to_escalate_idx ON deadline_notice (at)
  WHERE level = 'overdue' AND NOT escalated;
CREATE INDEX deadline_notice_level_idx ON deadline_notice (level, at DESC);

-- For the wallboard: urgent orders still unsigned after their sign time.
CREATE VIEW urgent_unsigned AS
  SELECT o.id, o.number, coalesce(o.handling_unit, o.lead_unit) AS unit, o.dispatched_at,
         o.sign_deadline, n.at AS flagged_at
    FROM deadline_notice n JOIN work_order o ON o.id = n.order_id
   WHERE n.level = 'urgent-unsigned' AND o.state = 'DISPATCHED'
     AND o.sign_deadline = n.deadline;
