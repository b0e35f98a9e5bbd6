-- Portable SQL (H2 and PostgreSQL). Several panels may share one database and its queue: a running job is leased to
-- the panel instance that took it up (lease_owner, its panel.jobs.lease.owner) until lease_expires_at, which that
-- instance pushes on while it works; once the time has passed, another instance takes the job over. lease_owner stays
-- after the job ends or waits again: the instance that ran it last. taken_by names the instance of each attempt.
ALTER TABLE unblock_job ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE unblock_job ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE unblock_job_attempt ADD COLUMN taken_by VARCHAR(100);
