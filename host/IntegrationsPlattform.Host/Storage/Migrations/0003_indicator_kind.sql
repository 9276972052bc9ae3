-- What a snapshot's value refers to in time: 'Stock' (what stands when it is taken) or 'Flow' (what happened in its month).
ALTER TABLE indicator_snapshots ADD COLUMN kind TEXT NOT NULL DEFAULT 'Stock' CHECK (kind IN ('Stock', 'Flow'));
