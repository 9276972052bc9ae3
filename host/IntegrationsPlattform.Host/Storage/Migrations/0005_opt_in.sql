-- Entries of public forms waiting for their sender's confirmation (double opt-in). The token is kept only as its
-- SHA-256 hash; the payload is dropped once the module has stored the confirmed entry.
CREATE TABLE opt_in (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    email TEXT NOT NULL,
    client TEXT NOT NULL,
    language TEXT NOT NULL,
    payload TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX ix_opt_in_email ON opt_in (email, created_at);
CREATE INDEX ix_opt_in_client ON opt_in (client, created_at);
