-- Portable SQL (H2 and PostgreSQL). A released address is watched on the host it was released on, named as in
-- panel.hosts (local for the machine the panel runs on, which every older watch was for).
ALTER TABLE release_watch ADD COLUMN host VARCHAR(32) DEFAULT 'local' NOT NULL;
