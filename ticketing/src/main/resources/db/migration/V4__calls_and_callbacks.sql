-- Call records assembled by the telephony module from AMI events, stored by the core.
CREATE TABLE call_record (
  id              TEXT PRIMARY KEY,           -- Asterisk Uniqueid of the caller's channel
  linked_id       TEXT,
  direction       TEXT NOT NULL DEFAULT 'inbound',
  caller          TEXT,
  called_number   TEXT,
  queue           TEXT,
  entered_at      TIMESTAMPTZ,
  answered_at     TIMESTAMPTZ,
  ended_at        TIMESTAMPTZ,
  wait_seconds    INT,
  talk_seconds    INT,
  agent           TEXT,
  outcome         TEXT NOT NULL CHECK (outcome IN ('answered', 'abandoned', 'voicemail', 'ivr')),
  recording       TEXT,
  transfer_target TEXT,
  partial         BOOLEAN NOT NULL DEFAULT FALSE,
  received_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX call_record_entered_idx ON call_record (entered_at DESC);
CREATE INDEX call_record_caller_idx ON call_record (caller);

-- Post-call and callback surveys answered in the IVR (1 满意, 2 基本满意, 3 不满意).
CREATE TABLE survey_result (
  id       BIGSERIAL PRIMARY KEY,
  call_id  TEXT NOT NULL,
  number   TEXT,
  score    SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 3),
  kind     TEXT NOT NULL CHECK (kind IN ('call', 'callback')),
  ref      TEXT,
  at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (call_id, kind)
);

-- Callback tasks: missed calls (漏接回拨, one per number and day), voicemail, order callbacks.
CREATE TABLE callback_task (
  id         BIGSERIAL PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('missed', 'voicemail', 'order')),
  number     TEXT NOT NULL,
  day        DATE NOT NULL,
  call_id    TEXT,
  order_id   BIGINT REFERENCES work_order (id),
  state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
  attempts   INT NOT NULL DEFAULT 0,
  note       TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX callback_task_missed_once ON callback_task (number, day) WHERE kind = 'missed';
CREATE INDEX callback_task_open_idx ON callback_task (state, created_at);

-- Numbers on the harassment list: the IVR answers them politely and hangs up.
CREATE TABLE blocked_number (
  number     TEXT PRIMARY KEY,
  reason     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Callers key order numbers as digits only.
CREATE INDEX work_order_number_digits_idx ON work_order ((replace(number, '-', '')));
