-- Why a finished job's addresses could not be trusted (fail2ban refused or was gone after the unban); NULL otherwise.
ALTER TABLE unblock_job ADD COLUMN trust_problem VARCHAR;
