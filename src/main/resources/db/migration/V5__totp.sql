-- Confirmed TOTP enrolments (RFC 6238), one per user. last_step is the 30-second step of the last code accepted:
-- a code of that step or an earlier one is refused, so a code works once.
CREATE TABLE totp_enrolment (
	username VARCHAR(100) PRIMARY KEY,
	secret VARCHAR(64) NOT NULL,
	last_step BIGINT NOT NULL,
	enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
