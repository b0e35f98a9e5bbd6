-- Portable SQL (H2 and PostgreSQL). Spring Modulith's JDBC event publication registry (its schema version 2, as
-- spring-modulith-events-jdbc 2.1 reads and writes it): one row per event and listener, stored in the transaction
-- that publishes the event, until the listener has handled it. Serialized events may be large (a job releasing
-- thousands of bans), hence VARCHAR without a length, which both databases take as unbounded.
CREATE TABLE event_publication (
	id UUID NOT NULL PRIMARY KEY,
	listener_id VARCHAR(512) NOT NULL,
	event_type VARCHAR(512) NOT NULL,
	serialized_event VARCHAR NOT NULL,
	publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
	completion_date TIMESTAMP WITH TIME ZONE,
	status VARCHAR(20),
	completion_attempts INTEGER,
	last_resubmission_date TIMESTAMP WITH TIME ZONE
);

CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id);
