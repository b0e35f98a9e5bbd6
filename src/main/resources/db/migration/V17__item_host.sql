-- Portable SQL (H2 and PostgreSQL). A job releases its values on several hosts of the fleet: one item per value and
-- host, named as in panel.hosts (local for the machine the panel runs on, which every older item was for). The audit
-- trail names the host of each entry about a job line; entries about no host (sign-ins, trusts, older ones) have none.
ALTER TABLE unblock_item ADD COLUMN host VARCHAR(32) DEFAULT 'local' NOT NULL;
ALTER TABLE audit_event ADD COLUMN host VARCHAR(32);
