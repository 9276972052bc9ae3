-- The secret of a user's personal calendar feed (/kalender/persoenlich/{token}.ics), kept only as its SHA-256 hash: one
-- per user, replaced when she renews it and deleted when she revokes it or her account is erased.
CREATE TABLE calendar_feed_tokens (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
