-- Knowledge-base articles (知识库). PostgreSQL is the source of truth; each node's Lucene index is
-- derived from it and follows changes through the outbox (topic 'kb.article').
CREATE TABLE kb_article (
  code        TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 64),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  category    TEXT NOT NULL DEFAULT '',
  keywords    TEXT[] NOT NULL DEFAULT '{}',
  unit_code   TEXT,
  valid_from  DATE,
  valid_until DATE,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  version     INT NOT NULL DEFAULT 1,
  updated_by  TEXT NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);

-- Every saved version of every article, for the editors' history.
CREATE TABLE kb_article_version (
  code       TEXT NOT NULL REFERENCES kb_article (code) ON DELETE CASCADE,
  version    INT NOT NULL,
  snapshot   JSONB NOT NULL,
  saved_by   TEXT NOT NULL,
  saved_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (code, version)
);

CREATE INDEX outbox_topic_idx ON outbox (topic, id);
