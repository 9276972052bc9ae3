-- Whether an indicator's municipality values add up to its Kreis value (1) or not (0: one person counts in
-- every municipality she serves). Every indicator has its Kreis value in the row with municipality_ags = ''.
ALTER TABLE indicator_snapshots ADD COLUMN municipalities_add_up INTEGER NOT NULL DEFAULT 1 CHECK (municipalities_add_up IN (0, 1));
