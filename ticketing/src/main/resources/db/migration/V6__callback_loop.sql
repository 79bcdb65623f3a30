-- The callback and survey loop (回访, issue 7). An order the centre accepted (state CALLBACK) gets
-- one open callback task of kind 'order'; the scheduler's leader works it: survey calls, then an SMS
-- survey, then "unreachable". Staff may claim any task (also missed-call and voicemail tasks) and
-- work it by hand; a claimed task gets no automatic attempts.
ALTER TABLE callback_task
  ADD COLUMN due_at      TIMESTAMPTZ, -- the callback is due by then (order tasks)
  ADD COLUMN next_at     TIMESTAMPTZ, -- the loop acts on an open, unclaimed order task from then on
  ADD COLUMN sms_sent_at TIMESTAMPTZ, -- the SMS survey went to the outbox
  ADD COLUMN claimed_by  TEXT,
  ADD COLUMN claimed_at  TIMESTAMPTZ,
  -- How the task ended. Order tasks: the rating (counted by evaluation), 'unreachable', or
  -- 'closed'/'withdrawn' when the order left CALLBACK otherwise. Missed calls: 'reached' or
  -- 'unreachable'.
  ADD COLUMN result      TEXT CHECK (result IN ('satisfied', 'basically_satisfied', 'dissatisfied',
                                                'unreachable', 'closed', 'withdrawn', 'reached')),
  ADD COLUMN rated_via   TEXT CHECK (rated_via IN ('call', 'sms', 'agent')),
  ADD COLUMN done_by     TEXT,
  ADD COLUMN done_at     TIMESTAMPTZ;

-- Order tasks have no day of their own; the column stays for missed calls (one per number and day).
ALTER TABLE callback_task ALTER COLUMN day DROP NOT NULL;

-- At most one open callback task per order: creating it again is "already done".
CREATE UNIQUE INDEX callback_task_order_open ON callback_task (order_id)
  WHERE kind = 'order' AND state = 'open';
-- What the loop looks at: open order tasks nobody has claimed, by when they are next due.
CREATE INDEX callback_task_next_idx ON callback_task (next_at)
  WHERE kind = 'order' AND state = 'open' AND claimed_by IS NULL;
CREATE INDEX callback_task_done_idx ON callback_task (done_at) WHERE kind = 'order' AND state = 'done';
CREATE INDEX work_order_callback_idx ON work_order (id) WHERE state = 'CALLBACK';

-- One row per automatic contact of a task, written (and committed) before the contact is made:
-- the key (task, channel, seq) makes every attempt happen at most once, whatever restarts or
-- concurrent leaders do. A call whose row says 'placing' was maybe dialled: never dialled again.
CREATE TABLE callback_attempt (
  task_id   BIGINT NOT NULL REFERENCES callback_task (id),
  channel   TEXT NOT NULL CHECK (channel IN ('call', 'sms')),
  seq       INT NOT NULL,
  state     TEXT NOT NULL CHECK (state IN ('placing', 'queued', 'answered', 'failed', 'sent')),
  action_id TEXT UNIQUE,  -- the AMI originate's ActionID
  call_id   TEXT,         -- Asterisk Uniqueid of the survey call
  reason    INT,          -- Asterisk originate reason (4 answered, 3 no answer, 5 busy, 0 failed)
  sms_id    BIGINT,       -- sms_message (id) of the SMS survey
  at        TIMESTAMPTZ NOT NULL,
  ended_at  TIMESTAMPTZ,
  PRIMARY KEY (task_id, channel, seq)
);

-- The loop's settings (PUT /api/admin/settings/callback): the task is due dueMinutes after the
-- centre accepted the reply; the first call goes out firstDelayMinutes after that; callAttempts
-- survey calls callSpacingMinutes apart, only within allowedHours (local time); then an SMS survey
-- (when smsSurvey and the citizen has a mobile), answered within smsReplyMinutes, else unreachable.
INSERT INTO setting (key, value) VALUES
  ('callback', '{"dueMinutes": 1440, "firstDelayMinutes": 10, "callAttempts": 3, "callSpacingMinutes": 30, "allowedHours": "09:00-20:00", "smsSurvey": true, "smsReplyMinutes": 1440}');
