-- Web UI sessions, shared by every node (before: held in each node's memory, so a restart signed
-- everyone out and a cluster needed sticky sessions). Only the SHA-256 of a session id is stored.
CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, csrf TEXT NOT NULL, started_at BIGINT NOT NULL, last_used_at BIGINT NOT NULL);
CREATE INDEX sessions_by_user ON sessions (user_id);
