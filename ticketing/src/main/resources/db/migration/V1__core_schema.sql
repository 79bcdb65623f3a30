-- The ticketing core's schema: member units, users, categories, routing, calendar, work orders
-- with their append-only history, the outbox, and the personal-data access log.

CREATE TABLE unit (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  parent_code   TEXT REFERENCES unit (code),
  type          TEXT NOT NULL CHECK (type IN ('city', 'district', 'street', 'community', 'bureau', 'utility')),
  area_keywords TEXT[] NOT NULL DEFAULT '{}',
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX unit_parent_idx ON unit (parent_code);

CREATE TABLE unit_contact (
  id        BIGSERIAL PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  mobile    TEXT NOT NULL
);

CREATE TABLE app_user (
  id            BIGSERIAL PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  display_name  TEXT,
  roles         TEXT[] NOT NULL,
  unit_code     TEXT REFERENCES unit (code),
  failed_logins INT NOT NULL DEFAULT 0,
  locked_until  TIMESTAMPTZ,
  enabled       BOOLEAN NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Integration tokens: only a SHA-256 of the token is kept.
CREATE TABLE api_token (
  token_hash   TEXT PRIMARY KEY,
  username     TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at TIMESTAMPTZ
);

-- GB/T 39666 style classes: major XX0000, middle XXYY00, minor XXYYZZ (orders take minor codes).
CREATE TABLE category (
  code        TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name        TEXT NOT NULL,
  parent_code TEXT REFERENCES category (code),
  level       SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 3),
  kind        TEXT CHECK (kind IN ('component', 'event')),
  sort        INT NOT NULL DEFAULT 0
);

-- 派单目录: category (+ area) to the lead unit. unit is a unit code, or @district / @street for
-- "the unit whose area keywords match the location".
CREATE TABLE routing_rule (
  id            BIGSERIAL PRIMARY KEY,
  category_code TEXT NOT NULL REFERENCES category (code),
  unit          TEXT NOT NULL,
  scope         TEXT NOT NULL CHECK (scope IN ('owner', 'area')),
  fallback      TEXT REFERENCES unit (code),
  note          TEXT,
  priority      INT NOT NULL DEFAULT 0
);
CREATE INDEX routing_rule_category_idx ON routing_rule (category_code, priority);

-- The working calendar: days that differ from the Monday-Friday rule, and which years have the
-- State Council's arrangement entered (official) rather than only the statutory days (provisional).
CREATE TABLE calendar_day (
  day  DATE PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL
);
CREATE TABLE calendar_year (
  year     INT PRIMARY KEY,
  official BOOLEAN NOT NULL,
  source   TEXT NOT NULL
);

-- Editable settings (working hours, deadline rules), one JSON value per key.
CREATE TABLE setting (
  key        TEXT PRIMARY KEY,
  value      JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE SEQUENCE work_order_number_seq;

CREATE TABLE work_order (
  id                BIGSERIAL PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  state             TEXT NOT NULL CHECK (state IN ('RECEIVED', 'ANSWERED', 'MERGED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'CALLBACK', 'CLOSED')),
  version           INT NOT NULL DEFAULT 1,
  channel           TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'voicemail', 'web', 'open311')),
  request_type      TEXT NOT NULL CHECK (request_type IN ('consult', 'help', 'complaint', 'report', 'suggestion', 'praise')),
  category_code     TEXT REFERENCES category (code),
  citizen_phone     TEXT,
  citizen_name      TEXT,
  confidential      BOOLEAN NOT NULL DEFAULT FALSE,
  location          TEXT,
  latitude          DOUBLE PRECISION,
  longitude         DOUBLE PRECISION,
  area              TEXT,
  description       TEXT NOT NULL,
  urgency           TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  lead_unit         TEXT REFERENCES unit (code),
  co_units          TEXT[] NOT NULL DEFAULT '{}',
  handling_unit     TEXT REFERENCES unit (code),
  parent_id         BIGINT REFERENCES work_order (id),
  call_ids          TEXT[] NOT NULL DEFAULT '{}',
  attachments       JSONB NOT NULL DEFAULT '[]',
  pending           JSONB,
  paused_since      TIMESTAMPTZ,
  supervised        BOOLEAN NOT NULL DEFAULT FALSE,
  supervision_note  TEXT,
  answer_text       TEXT,
  article_code      TEXT,
  reply_text        TEXT,
  close_reason      TEXT,
  rating            TEXT,
  rehandle_count    INT NOT NULL DEFAULT 0,
  callback_attempts INT NOT NULL DEFAULT 0,
  sign_deadline     TIMESTAMPTZ,
  due_deadline      TIMESTAMPTZ,
  dispatched_at     TIMESTAMPTZ,
  signed_at         TIMESTAMPTZ,
  replied_at        TIMESTAMPTZ,
  closed_at         TIMESTAMPTZ,
  created_by        TEXT NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX work_order_state_idx ON work_order (state, created_at DESC);
CREATE INDEX work_order_lead_unit_idx ON work_order (lead_unit) WHERE lead_unit IS NOT NULL;
CREATE INDEX work_order_handling_unit_idx ON work_order (handling_unit) WHERE handling_unit IS NOT NULL;
CREATE INDEX work_order_citizen_phone_idx ON work_order (citizen_phone);
CREATE INDEX work_order_created_idx ON work_order (created_at DESC);
CREATE INDEX work_order_open_deadline_idx ON work_order (due_deadline) WHERE state IN ('DISPATCHED', 'ACCEPTED');

-- Append-only history: every action writes one row in the same transaction as the state change.
CREATE TABLE order_event (
  id         BIGSERIAL PRIMARY KEY,
  order_id   BIGINT NOT NULL REFERENCES work_order (id),
  action     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  from_state TEXT,
  to_state   TEXT NOT NULL,
  note       TEXT,
  payload    JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX order_event_order_idx ON order_event (order_id, id);

CREATE FUNCTION order_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'order_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER order_event_no_update BEFORE UPDATE OR DELETE ON order_event
  FOR EACH ROW EXECUTE FUNCTION order_event_append_only();

-- What must happen after a commit (notices, index updates, callbacks) is written here in the same
-- transaction and delivered at least once by a relay.
CREATE TABLE outbox (
  id           BIGSERIAL PRIMARY KEY,
  topic        TEXT NOT NULL,
  payload      JSONB NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  delivered_at TIMESTAMPTZ,
  attempts     INT NOT NULL DEFAULT 0
);
CREATE INDEX outbox_undelivered_idx ON outbox (id) WHERE delivered_at IS NULL;

-- PIPL: every view of a citizen's personal data by a user.
CREATE TABLE personal_data_access (
  id       BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL,
  order_id BIGINT NOT NULL,
  at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  purpose  TEXT NOT NULL
);
CREATE INDEX personal_data_access_order_idx ON personal_data_access (order_id);

-- Logins and other security events.
CREATE TABLE audit_log (
  id       BIGSERIAL PRIMARY KEY,
  username TEXT,
  action   TEXT NOT NULL,
  at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  detail   JSONB NOT NULL DEFAULT '{}'
);
