-- 示忙: an agent's pauses as Asterisk reported them (QueueMemberPause), one row per interval, for the
-- per-agent figures. An open row (ended_at NULL) is a pause still running.
CREATE TABLE agent_pause (
  id         BIGSERIAL PRIMARY KEY,
  agent      TEXT NOT NULL,
  reason     TEXT,
  started_at TIMESTAMPTZ NOT NULL,
  ended_at   TIMESTAMPTZ,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX agent_pause_open_idx ON agent_pause (agent) WHERE ended_at IS NULL;
CREATE INDEX agent_pause_started_idx ON agent_pause (started_at);
