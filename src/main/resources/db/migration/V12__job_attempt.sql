-- When the worker took a job up, one row per attempt, for the job page of a job that waits for fail2ban.
CREATE TABLE unblock_job_attempt (
	job_id BIGINT NOT NULL REFERENCES unblock_job (id),
	attempt INTEGER NOT NULL,
	attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (job_id, attempt)
);
