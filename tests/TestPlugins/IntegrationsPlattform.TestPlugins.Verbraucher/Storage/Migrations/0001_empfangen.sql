-- Every notification of a new Beispiel entry this module handled, one row per handling: without the platform's
-- inbox a repeated delivery would show here as a second row.
CREATE TABLE empfangene_eintraege (
    eintrag_id TEXT NOT NULL,
    empfangen_am TEXT NOT NULL
);
