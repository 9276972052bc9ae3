-- The host's own data: accounts, roles, grants, API tokens, audit trail, indicator snapshots, job runs.
-- Times are UTC in ISO 8601 ('O' format); ids are UUID v7 strings.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    user_name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(user_name) BETWEEN 3 AND 64),
    display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    email TEXT CHECK (email IS NULL OR length(email) <= 254),
    password_hash TEXT NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    security_stamp TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE roles (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 2 AND 80),
    description TEXT NOT NULL DEFAULT '',
    is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1))
);

CREATE TABLE role_permissions (
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    scope_kind TEXT NOT NULL DEFAULT 'All' CHECK (scope_kind IN ('All', 'Municipalities', 'OwnRecords')),
    scope_municipalities TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    user_name TEXT,
    action TEXT NOT NULL,
    module TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT,
    endpoint TEXT,
    details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);

CREATE TABLE indicator_snapshots (
    indicator_key TEXT NOT NULL,
    municipality_ags TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL,
    label TEXT NOT NULL,
    unit TEXT NOT NULL,
    level TEXT NOT NULL,
    value REAL NOT NULL,
    source TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (indicator_key, municipality_ags, period)
);

CREATE TABLE job_runs (
    id TEXT PRIMARY KEY,
    job_key TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    succeeded INTEGER CHECK (succeeded IS NULL OR succeeded IN (0, 1)),
    result TEXT
);
CREATE INDEX job_runs_key ON job_runs(job_key, started_at);
