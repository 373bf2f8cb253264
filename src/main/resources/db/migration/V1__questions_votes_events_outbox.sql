-- The store's first schema, the same SQL on SQLite and PostgreSQL: only types and statements both
-- understand (BIGINT times in epoch milliseconds, TEXT, VARCHAR, DOUBLE PRECISION), no
-- auto-increment (ids come from the application).

-- Each question asked, with what it was answered. Deleted after MSFTCHINA_RETENTION_DAYS. No
-- key of its own: rows are only appended and read by time, and a random key would cost an index
-- update in a random place for every question.
CREATE TABLE questions (
  asked_at BIGINT NOT NULL,
  surface VARCHAR(16) NOT NULL,
  team_id VARCHAR(32),
  channel_id VARCHAR(32),
  user_id VARCHAR(32),
  question TEXT NOT NULL,
  -- The statements shown, best first: "ID SCORE" pairs joined by commas; empty when refused.
  statements TEXT NOT NULL,
  -- The refusal's reason and what the question needs that the report lacks; null when answered.
  reason VARCHAR(32),
  missing TEXT,
  strength VARCHAR(16) NOT NULL,
  millis INTEGER NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);

-- Feedback: one vote per user per answer (question and statement); a second click changes it.
CREATE TABLE votes (
  user_id VARCHAR(32) NOT NULL,
  question_key VARCHAR(64) NOT NULL,
  statement VARCHAR(128) NOT NULL,
  question TEXT NOT NULL,
  vote SMALLINT NOT NULL,
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, question_key, statement)
);

-- Counts per day: what MSFTCHINA_RECORD=counts keeps instead of questions and votes (kinds
-- surface, answered, statement, reason, up, down), and records dropped (kind dropped) in any mode.
CREATE TABLE counts (
  day BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  name VARCHAR(128) NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (day, kind, name)
);

-- Slack event ids already taken by a copy of the bot: a retry reaching any copy is not answered
-- again.
CREATE TABLE seen_events (
  event_id VARCHAR(128) PRIMARY KEY,
  seen_at BIGINT NOT NULL
);

-- Replies acknowledged to Slack and not yet delivered. The copy that owns a row renews its lease
-- while it runs; a row whose lease ran out (its copy was stopped or killed) is taken by another.
CREATE TABLE outbox (
  event_id VARCHAR(128) PRIMARY KEY,
  created_at BIGINT NOT NULL,
  surface VARCHAR(16) NOT NULL,
  team_id VARCHAR(32),
  channel_id VARCHAR(32) NOT NULL,
  thread_ts VARCHAR(32),
  user_id VARCHAR(32),
  question TEXT NOT NULL,
  owner VARCHAR(64) NOT NULL,
  lease_until BIGINT NOT NULL
);
