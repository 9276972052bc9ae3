-- Lotsen module schema.
-- Ids are UUIDv7 text; instants are UTC text 'yyyy-MM-ddTHH:mm:ssZ' (fixed width, so text order is
-- time order); days are 'yyyy-MM-dd'; times of day 'HH:MM'; municipalities by AGS; languages by ISO 639.

-- Träger search ---------------------------------------------------------------------------------

CREATE TABLE traeger (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    ansprechperson  TEXT CHECK (ansprechperson IS NULL OR length(ansprechperson) <= 200),
    email           TEXT CHECK (email IS NULL OR length(email) <= 254),
    telefon         TEXT CHECK (telefon IS NULL OR length(telefon) <= 50),
    status          TEXT NOT NULL DEFAULT 'identifiziert'
                    CHECK (status IN ('identifiziert', 'kontaktiert', 'interessiert', 'vereinbart', 'abgelehnt')),
    status_seit     TEXT NOT NULL,
    notiz           TEXT CHECK (notiz IS NULL OR length(notiz) <= 2000),
    angelegt_am     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_traeger_name ON traeger (name COLLATE NOCASE);

-- Municipalities a candidate could cover.
CREATE TABLE traeger_kommunen (
    traeger_id  TEXT NOT NULL REFERENCES traeger (id) ON DELETE CASCADE,
    ags         TEXT NOT NULL CHECK (length(ags) = 8),
    PRIMARY KEY (traeger_id, ags)
);

CREATE TABLE traeger_status_verlauf (
    id          TEXT PRIMARY KEY,
    traeger_id  TEXT NOT NULL REFERENCES traeger (id) ON DELETE CASCADE,
    von         TEXT,
    nach        TEXT NOT NULL,
    am          TEXT NOT NULL,
    durch       TEXT NOT NULL,
    grund       TEXT CHECK (grund IS NULL OR length(grund) <= 500)
);
CREATE INDEX ix_traeger_status_verlauf ON traeger_status_verlauf (traeger_id, am);

CREATE TABLE traeger_kontakte (
    id          TEXT PRIMARY KEY,
    traeger_id  TEXT NOT NULL REFERENCES traeger (id) ON DELETE CASCADE,
    datum       TEXT NOT NULL,
    kanal       TEXT NOT NULL CHECK (kanal IN ('telefon', 'email', 'treffen', 'brief', 'sonstiges')),
    notiz       TEXT NOT NULL CHECK (length(notiz) BETWEEN 1 AND 2000),
    erfasst_von TEXT NOT NULL,
    erfasst_am  TEXT NOT NULL
);
CREATE INDEX ix_traeger_kontakte ON traeger_kontakte (traeger_id, datum);

CREATE TABLE vereinbarungen (
    id          TEXT PRIMARY KEY,
    traeger_id  TEXT NOT NULL REFERENCES traeger (id),
    beginn      TEXT NOT NULL,
    ende        TEXT CHECK (ende IS NULL OR ende >= beginn),
    foerderung  TEXT CHECK (foerderung IS NULL OR length(foerderung) <= 1000),
    angelegt_am TEXT NOT NULL,
    beendet_am  TEXT
);

-- Exactly one active Träger per municipality: the partial unique index is the rule, not the code.
CREATE TABLE vereinbarung_kommunen (
    vereinbarung_id TEXT NOT NULL REFERENCES vereinbarungen (id),
    ags             TEXT NOT NULL CHECK (length(ags) = 8),
    aktiv           INTEGER NOT NULL DEFAULT 1 CHECK (aktiv IN (0, 1)),
    PRIMARY KEY (vereinbarung_id, ags)
);
CREATE UNIQUE INDEX ux_ein_aktiver_traeger_je_kommune ON vereinbarung_kommunen (ags) WHERE aktiv = 1;

-- Lotsen registry ---------------------------------------------------------------------------------

CREATE TABLE lotsen (
    id                    TEXT PRIMARY KEY,
    vorname               TEXT NOT NULL CHECK (length(vorname) BETWEEN 1 AND 100),
    nachname              TEXT NOT NULL CHECK (length(nachname) BETWEEN 1 AND 100),
    email                 TEXT CHECK (email IS NULL OR length(email) <= 254),
    telefon               TEXT CHECK (telefon IS NULL OR length(telefon) <= 50),
    wohnort_ags           TEXT NOT NULL CHECK (length(wohnort_ags) = 8),
    status                TEXT NOT NULL DEFAULT 'interessiert'
                          CHECK (status IN ('interessiert', 'in_schulung', 'aktiv', 'pausiert', 'ausgeschieden')),
    status_seit           TEXT NOT NULL,
    vermittelt_durch      TEXT NOT NULL CHECK (vermittelt_durch IN ('ehrenamtsagentur', 'traeger', 'selbst')),
    traeger_id            TEXT REFERENCES traeger (id),
    -- The platform account of a Lotse who records their own assignments (self-service).
    benutzername          TEXT UNIQUE,
    einwilligung_am       TEXT NOT NULL,
    einwilligung_version  TEXT NOT NULL,
    einwilligung_bis      TEXT NOT NULL CHECK (einwilligung_bis > einwilligung_am),
    erinnerung_am         TEXT,
    angelegt_am           TEXT NOT NULL,
    geaendert_am          TEXT NOT NULL
);
CREATE INDEX ix_lotsen_status ON lotsen (status);
CREATE INDEX ix_lotsen_name ON lotsen (nachname COLLATE NOCASE, vorname COLLATE NOCASE);

CREATE TABLE lotse_sprachen (
    lotse_id  TEXT NOT NULL REFERENCES lotsen (id) ON DELETE CASCADE,
    code      TEXT NOT NULL CHECK (length(code) BETWEEN 2 AND 3),
    niveau    TEXT NOT NULL CHECK (niveau IN ('muttersprache', 'verhandlungssicher', 'gut', 'grundkenntnisse')),
    PRIMARY KEY (lotse_id, code)
);
CREATE INDEX ix_lotse_sprachen_code ON lotse_sprachen (code, lotse_id);

CREATE TABLE lotse_themen (
    lotse_id  TEXT NOT NULL REFERENCES lotsen (id) ON DELETE CASCADE,
    thema     TEXT NOT NULL,
    PRIMARY KEY (lotse_id, thema)
);
CREATE INDEX ix_lotse_themen_thema ON lotse_themen (thema, lotse_id);

-- Municipalities a Lotse serves.
CREATE TABLE lotse_kommunen (
    lotse_id  TEXT NOT NULL REFERENCES lotsen (id) ON DELETE CASCADE,
    ags       TEXT NOT NULL CHECK (length(ags) = 8),
    PRIMARY KEY (lotse_id, ags)
);
CREATE INDEX ix_lotse_kommunen_ags ON lotse_kommunen (ags, lotse_id);

-- Weekly availability: weekday 1 = Monday … 7 = Sunday, local time (Europe/Berlin).
CREATE TABLE lotse_verfuegbarkeit (
    lotse_id   TEXT NOT NULL REFERENCES lotsen (id) ON DELETE CASCADE,
    wochentag  INTEGER NOT NULL CHECK (wochentag BETWEEN 1 AND 7),
    von        TEXT NOT NULL CHECK (von GLOB '[0-2][0-9]:[0-5][0-9]'),
    bis        TEXT NOT NULL CHECK (bis GLOB '[0-2][0-9]:[0-5][0-9]'),
    PRIMARY KEY (lotse_id, wochentag, von),
    CHECK (von < bis)
);

-- Trainings attended (the Land's Basisqualifizierung, later courses).
CREATE TABLE lotse_qualifikationen (
    id         TEXT PRIMARY KEY,
    lotse_id   TEXT NOT NULL REFERENCES lotsen (id) ON DELETE CASCADE,
    art        TEXT NOT NULL,
    datum      TEXT NOT NULL,
    anbieter   TEXT NOT NULL CHECK (length(anbieter) BETWEEN 1 AND 200),
    angelegt_am TEXT NOT NULL
);
CREATE INDEX ix_lotse_qualifikationen ON lotse_qualifikationen (lotse_id, art);
CREATE INDEX ix_lotse_qualifikationen_art ON lotse_qualifikationen (art, lotse_id);

CREATE TABLE lotse_status_verlauf (
    id        TEXT PRIMARY KEY,
    lotse_id  TEXT NOT NULL REFERENCES lotsen (id) ON DELETE CASCADE,
    von       TEXT,
    nach      TEXT NOT NULL,
    am        TEXT NOT NULL,
    durch     TEXT NOT NULL,
    grund     TEXT CHECK (grund IS NULL OR length(grund) <= 500)
);
CREATE INDEX ix_lotse_status_verlauf ON lotse_status_verlauf (lotse_id, am);

-- Requests (Anfragen) ------------------------------------------------------------------------------

CREATE TABLE anfragen (
    id               TEXT PRIMARY KEY,
    -- Pseudonym or initials of the person seeking advice; NULL once anonymised.
    kennung          TEXT CHECK (kennung IS NULL OR length(kennung) BETWEEN 1 AND 50),
    kontakt          TEXT CHECK (kontakt IS NULL OR length(kontakt) <= 200),
    thema            TEXT NOT NULL,
    ziel             TEXT CHECK (ziel IS NULL OR length(ziel) <= 200),
    kommune_ags      TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    datum_von        TEXT NOT NULL,
    datum_bis        TEXT NOT NULL,
    uhrzeit_von      TEXT CHECK (uhrzeit_von IS NULL OR uhrzeit_von GLOB '[0-2][0-9]:[0-5][0-9]'),
    uhrzeit_bis      TEXT CHECK (uhrzeit_bis IS NULL OR uhrzeit_bis GLOB '[0-2][0-9]:[0-5][0-9]'),
    vermittelt_durch TEXT NOT NULL,
    quelle_modul     TEXT,
    status           TEXT NOT NULL DEFAULT 'offen' CHECK (status IN ('offen', 'vermittelt', 'erledigt', 'abgebrochen')),
    status_grund     TEXT CHECK (status_grund IS NULL OR length(status_grund) <= 500),
    lotse_id         TEXT REFERENCES lotsen (id),
    angelegt_am      TEXT NOT NULL,
    geschlossen_am   TEXT,
    anonymisiert_am  TEXT,
    CHECK (datum_von <= datum_bis),
    CHECK (uhrzeit_von IS NULL OR uhrzeit_bis IS NULL OR uhrzeit_von < uhrzeit_bis),
    CHECK (status <> 'vermittelt' OR lotse_id IS NOT NULL),
    CHECK ((status IN ('erledigt', 'abgebrochen')) = (geschlossen_am IS NOT NULL))
);
CREATE INDEX ix_anfragen_status ON anfragen (status, angelegt_am);
CREATE INDEX ix_anfragen_kommune ON anfragen (kommune_ags, status);
CREATE INDEX ix_anfragen_lotse ON anfragen (lotse_id);
CREATE INDEX ix_anfragen_aufbewahrung ON anfragen (geschlossen_am) WHERE anonymisiert_am IS NULL;

CREATE TABLE anfrage_sprachen (
    anfrage_id  TEXT NOT NULL REFERENCES anfragen (id) ON DELETE CASCADE,
    code        TEXT NOT NULL CHECK (length(code) BETWEEN 2 AND 3),
    PRIMARY KEY (anfrage_id, code)
);
CREATE INDEX ix_anfrage_sprachen_code ON anfrage_sprachen (code);

-- The case log of a request, as case systems keep it.
CREATE TABLE anfrage_aktivitaeten (
    id          TEXT PRIMARY KEY,
    anfrage_id  TEXT NOT NULL REFERENCES anfragen (id) ON DELETE CASCADE,
    art         TEXT NOT NULL CHECK (art IN ('angelegt', 'kontaktiert', 'vermittelt', 'begleitet', 'nachbereitung', 'notiz', 'status')),
    notiz       TEXT CHECK (notiz IS NULL OR length(notiz) <= 2000),
    am          TEXT NOT NULL,
    durch       TEXT NOT NULL
);
CREATE INDEX ix_anfrage_aktivitaeten ON anfrage_aktivitaeten (anfrage_id, am);

-- Assignments (Einsätze) ------------------------------------------------------------------------

CREATE TABLE einsaetze (
    id               TEXT PRIMARY KEY,
    anfrage_id       TEXT NOT NULL REFERENCES anfragen (id),
    lotse_id         TEXT NOT NULL REFERENCES lotsen (id),
    beginn           TEXT NOT NULL,
    ende             TEXT NOT NULL,
    dauer_minuten    INTEGER NOT NULL CHECK (dauer_minuten BETWEEN 1 AND 1440),
    fahrt_km         REAL NOT NULL DEFAULT 0 CHECK (fahrt_km >= 0 AND fahrt_km <= 1000),
    status           TEXT NOT NULL DEFAULT 'geplant' CHECK (status IN ('geplant', 'durchgefuehrt', 'ausgefallen')),
    ergebnis         TEXT CHECK (ergebnis IS NULL OR ergebnis IN ('erledigt', 'teilweise', 'nicht_erschienen', 'verschoben')),
    bemerkung        TEXT CHECK (bemerkung IS NULL OR length(bemerkung) <= 1000),
    nachbereitung    INTEGER NOT NULL DEFAULT 0 CHECK (nachbereitung IN (0, 1)),
    -- Set when staff assigned outside the Lotse's stated availability.
    abweichung_grund TEXT CHECK (abweichung_grund IS NULL OR length(abweichung_grund) <= 500),
    erfasst_von      TEXT NOT NULL,
    angelegt_am      TEXT NOT NULL,
    geaendert_am     TEXT NOT NULL,
    CHECK (ende > beginn),
    CHECK (status <> 'durchgefuehrt' OR ergebnis IS NOT NULL)
);
CREATE INDEX ix_einsaetze_lotse ON einsaetze (lotse_id, beginn);
CREATE INDEX ix_einsaetze_anfrage ON einsaetze (anfrage_id);
CREATE INDEX ix_einsaetze_beginn ON einsaetze (beginn);

-- A Lotse never has two assignments that overlap in time, and only an active Lotse gets one.
-- Triggers run inside the writer's transaction (BEGIN IMMEDIATE), so two racing connections cannot
-- both pass.
CREATE TRIGGER einsaetze_keine_ueberschneidung_neu
BEFORE INSERT ON einsaetze
WHEN NEW.status <> 'ausgefallen' AND EXISTS (
    SELECT 1 FROM einsaetze e
    WHERE e.lotse_id = NEW.lotse_id AND e.status <> 'ausgefallen' AND e.beginn < NEW.ende AND NEW.beginn < e.ende)
BEGIN
    SELECT RAISE(ABORT, 'einsatz_ueberschneidung');
END;

CREATE TRIGGER einsaetze_keine_ueberschneidung_geaendert
BEFORE UPDATE OF lotse_id, beginn, ende, status ON einsaetze
WHEN NEW.status <> 'ausgefallen' AND EXISTS (
    SELECT 1 FROM einsaetze e
    WHERE e.id <> NEW.id AND e.lotse_id = NEW.lotse_id AND e.status <> 'ausgefallen' AND e.beginn < NEW.ende AND NEW.beginn < e.ende)
BEGIN
    SELECT RAISE(ABORT, 'einsatz_ueberschneidung');
END;

CREATE TRIGGER einsaetze_nur_aktive_lotsen
BEFORE INSERT ON einsaetze
WHEN (SELECT status FROM lotsen WHERE id = NEW.lotse_id) <> 'aktiv'
BEGIN
    SELECT RAISE(ABORT, 'lotse_nicht_aktiv');
END;
