-- Portable SQL (H2 and PostgreSQL). The audit trail records one entry per released ban: target is the ban's entry,
-- jail the jail that held it, requested the value asked for when the entry lies inside it (or, for a network that
-- still blocks the value, the value it blocks). item_id is the job line the entry belongs to, failures the failed logins
-- cleared, error_code why a value failed (detail keeps the tool's message). Older entries keep their text in detail.
ALTER TABLE audit_event ADD COLUMN item_id BIGINT;
ALTER TABLE audit_event ADD COLUMN jail VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN requested VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN failures INTEGER;
ALTER TABLE audit_event ADD COLUMN error_code VARCHAR(60);

CREATE INDEX audit_event_item ON audit_event (item_id);
