-- SMS outbox and inbox of the sms module. Applied by Flyway with location classpath:db/sms and
-- history table flyway_history_sms. No foreign key to the core: ticket_id is informational.

CREATE TABLE sms_message (
  id              bigserial PRIMARY KEY,
  direction       text        NOT NULL CHECK (direction IN ('mo', 'mt')),
  number          text        NOT NULL,
  text            text        NOT NULL,
  segments        int         NOT NULL CHECK (segments >= 0),
  state           text        NOT NULL CHECK (state IN
                    ('queued', 'submitting', 'submitted', 'delivered', 'failed', 'received')),
  urgent          boolean     NOT NULL DEFAULT false,
  kind            text        NOT NULL,
  ticket_id       bigint,
  dedupe_key      text UNIQUE,
  smsc_ids        text[],
  attempts        int         NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  not_before      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  submitted_at    timestamptz,
  delivered_at    timestamptz,
  last_error      text,
  CHECK ((direction = 'mo') = (state = 'received'))
);

-- What the sender claims, in claim order: due queued rows, and submitting rows whose lease ran
-- out (a crash); urgent first.
CREATE INDEX sms_message_due ON sms_message (urgent DESC, next_attempt_at)
  WHERE state IN ('queued', 'submitting');
CREATE INDEX sms_message_number ON sms_message (number, created_at DESC);
CREATE INDEX sms_message_ticket ON sms_message (ticket_id) WHERE ticket_id IS NOT NULL;

-- One row per segment accepted by the SMSC (a retried message keeps its accepted segments).
CREATE TABLE sms_segment (
  message_id   bigint      NOT NULL REFERENCES sms_message (id) ON DELETE CASCADE,
  seq          int         NOT NULL,
  smsc_id      text        NOT NULL,
  state        text        NOT NULL CHECK (state IN ('submitted', 'delivered', 'failed')),
  submitted_at timestamptz NOT NULL,
  done_at      timestamptz,
  error        text,
  PRIMARY KEY (message_id, seq)
);
CREATE INDEX sms_segment_smsc_id ON sms_segment (smsc_id);

-- Every delivery receipt, stored before it is acknowledged; matched = applied to a segment.
CREATE TABLE sms_receipt (
  smsc_id     text        PRIMARY KEY,
  stat        text        NOT NULL,
  error       text,
  received_at timestamptz NOT NULL DEFAULT now(),
  matched     boolean     NOT NULL DEFAULT false
);
CREATE INDEX sms_receipt_unmatched ON sms_receipt (received_at) WHERE NOT matched;

-- Numbers that replied TD / 退订: they receive essential messages only.
CREATE TABLE sms_opt_out (
  number     text        PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  message_id bigint
);

-- Per-number counters for flood limits, one row per number, direction and hour.
CREATE TABLE sms_rate_counter (
  number       text        NOT NULL,
  direction    text        NOT NULL CHECK (direction IN ('mo', 'mt')),
  window_start timestamptz NOT NULL,
  count        int         NOT NULL,
  PRIMARY KEY (number, direction, window_start)
);
