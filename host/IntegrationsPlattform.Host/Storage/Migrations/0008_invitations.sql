-- Invitations to an account and password resets by e-mail link. Tokens are kept only as their SHA-256 hash; each
-- link works once (accepted_at / used_at) and until expires_at on the host's clock.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role_key TEXT NOT NULL,
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('All', 'Municipalities', 'OwnRecords', 'Groups')),
    scope_municipalities TEXT NOT NULL DEFAULT '',
    scope_groups TEXT NOT NULL DEFAULT '',
    scope_label TEXT NOT NULL,
    record_key TEXT,
    invited_by TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX ix_invitations_email ON invitations (email, created_at);

-- One row per request, also for an address without an account (no user, no token): the rate limit per address
-- counts them, and the request does the same work either way.
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX ix_password_resets_email ON password_resets (email, created_at);
