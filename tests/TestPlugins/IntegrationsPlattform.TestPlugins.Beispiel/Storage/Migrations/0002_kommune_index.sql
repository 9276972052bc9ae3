CREATE INDEX eintraege_kommune ON eintraege(kommune_ags);
