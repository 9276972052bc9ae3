-- Outreach (workflow 5): the municipalities a campaign runs in, and its status history. A hand-out linked to a
-- campaign lies in one of them (checked by the command, which knows both at once).
CREATE TABLE kampagne_kommunen (
    kampagne_id TEXT NOT NULL REFERENCES kampagnen (id) ON DELETE CASCADE,
    kommune_ags TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    PRIMARY KEY (kampagne_id, kommune_ags)
);
CREATE INDEX ix_kampagne_kommunen_kommune ON kampagne_kommunen (kommune_ags);

CREATE TABLE kampagne_status_verlauf (
    id          TEXT PRIMARY KEY,
    kampagne_id TEXT NOT NULL REFERENCES kampagnen (id) ON DELETE CASCADE,
    von         TEXT,
    nach        TEXT NOT NULL,
    grund       TEXT CHECK (grund IS NULL OR length(grund) <= 500),
    am          TEXT NOT NULL,
    durch       TEXT NOT NULL
);
CREATE INDEX ix_kampagne_status_verlauf ON kampagne_status_verlauf (kampagne_id, am);
CREATE INDEX ix_materialausgaben_datum ON materialausgaben (datum);
