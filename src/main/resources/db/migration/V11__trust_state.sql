-- Portable SQL (H2 and PostgreSQL). A trust is stored as soon as it is asked for, also while fail2ban cannot be asked:
-- applied is FALSE until every jail's ignore list has held it, and kept_in NULL until fail2ban has said which jails
-- ignored the address before (from its own configuration).
ALTER TABLE trust ADD COLUMN applied BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE trust ALTER COLUMN kept_in DROP NOT NULL;

-- What became of the trust a job asked for, for the job's page: applied, or why fail2ban has not taken it yet.
CREATE TABLE job_trust (
	job_id BIGINT PRIMARY KEY,
	applied BOOLEAN NOT NULL,
	problem VARCHAR
);
