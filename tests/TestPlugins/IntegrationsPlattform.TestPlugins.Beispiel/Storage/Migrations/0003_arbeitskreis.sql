-- The working group (Arbeitskreis) an entry belongs to, if any: grants can be scoped to working groups (see Arbeitskreise).
ALTER TABLE eintraege ADD COLUMN arbeitskreis TEXT;
CREATE INDEX ix_eintraege_arbeitskreis ON eintraege (arbeitskreis);
