-- Metadata of the modules' uploaded files; the content lies in files/<module>/<stored_name>. Kept in host.db so
-- that the host serves, counts, backs up and erases files the same way for every module (see README, Files).
CREATE TABLE module_files (
    id TEXT PRIMARY KEY,
    module TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    use TEXT NOT NULL,
    name TEXT NOT NULL,
    stored_name TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL
);
CREATE INDEX ix_module_files_owner ON module_files (module, record_type, record_id);
