-- The report a question was answered from and its version (the first 12 hex characters of the
-- hash of its facts), so that answers recorded before a report was replaced stay readable in `gaps`
-- and `stats`. Rows recorded before this migration keep nulls: shown as "unknown". A refusal from
-- every report has no report id and the library's version.
ALTER TABLE questions ADD COLUMN report_id VARCHAR(128);
ALTER TABLE questions ADD COLUMN report_version VARCHAR(16);

-- The report a channel asks first, as an admin set it with `/msftchina default in:NAME`; a
-- question the report refuses is then asked of every report.
CREATE TABLE channel_reports (
  channel_id VARCHAR(32) PRIMARY KEY,
  team_id VARCHAR(32),
  report_id VARCHAR(128) NOT NULL,
  set_by VARCHAR(32),
  set_at BIGINT NOT NULL
);
