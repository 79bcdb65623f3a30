-- Attachments of work orders (a unit's reply documents, photos of the spot). The files live under
-- $HOTLINE_DATA_DIR/attachments with random names chosen by the server; this table holds what is
-- known about each: the client's file name (sanitised, shown and used for downloads only), the type
-- the content was checked to be, its size and SHA-256, and who uploaded it when.
CREATE TABLE attachment (
  id            BIGSERIAL PRIMARY KEY,
  order_id      BIGINT NOT NULL REFERENCES work_order (id),
  original_name TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256        TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  stored_name   TEXT NOT NULL UNIQUE CHECK (stored_name ~ '^[0-9a-f]{32}$'),
  uploaded_by   TEXT NOT NULL,
  uploader_unit TEXT,
  uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX attachment_order_idx ON attachment (order_id, id);

-- The unit portal's tabs (and every unit-scoped order list) ask "lead, handling or co-unit is one of
-- these": with this index all three arms can be index scans combined by a bitmap OR (without it the
-- co-unit arm forces a scan of every order).
CREATE INDEX work_order_co_units_idx ON work_order USING gin (co_units);
