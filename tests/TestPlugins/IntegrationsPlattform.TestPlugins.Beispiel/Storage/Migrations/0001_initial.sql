CREATE TABLE eintraege (
    id TEXT PRIMARY KEY,
    titel TEXT NOT NULL CHECK (length(titel) BETWEEN 1 AND 100),
    kommune_ags TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    person_name TEXT,
    person_email TEXT,
    created_at TEXT NOT NULL
);
