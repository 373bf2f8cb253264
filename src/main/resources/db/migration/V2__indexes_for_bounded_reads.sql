-- Indexes for reads that cost about the same at a million questions as at a thousand, the same
-- SQL on SQLite and PostgreSQL (both take partial indexes).

-- The refusals only, by time, with their reason and what was missing: `gaps` and the admin's Home
-- tab count refusals per reason over a period from this index alone, and find the refused
-- questions of a period without reading the answered ones.
CREATE INDEX questions_refused ON questions (asked_at, reason, missing) WHERE reason IS NOT NULL;

-- Votes by time (the gaps and stats of a period, and clean-up past the retention), and seen events
-- by time (cleared after a day, a thousand at a time).
CREATE INDEX votes_voted_at ON votes (voted_at);
CREATE INDEX seen_events_seen_at ON seen_events (seen_at);
