-- The audit page filters by user and lists newest first: this index serves both (the one on "at" alone serves the
-- unfiltered list and the date range).
CREATE INDEX audit_event_username_at ON audit_event (username, at);
