-- Gesundheit module schema: health prevention offers for children, their translations, barriers and
-- measures, outreach and hand-overs to the Lotsen.
-- Ids are UUID text (v7, generated in code: HSDS 3.0 requires uuids, and they stay stable in exports);
-- instants are UTC text 'yyyy-MM-ddTHH:mm:ssZ'; days 'yyyy-MM-dd'; times of day 'HH:MM';
-- municipalities by their 8-digit AGS; languages by ISO 639 code in lower case (639-1 where there
-- is one, else 639-3 such as kmr, ckb, prs: the SDK's Languages).
--
-- Published and working version: everything the public sees of an offer lives in one of its two
-- versions (fassung), 'arbeit' (what providers and staff edit) and 'veroeffentlicht' (the reviewed
-- copy the public directory and the HSDS API read). Publishing copies the working version over the
-- published one in one transaction; child rows keep their ids in both versions.

-- Provider organisations (HSDS organization); each is the scope group of its provider accounts. --

CREATE TABLE anbieter (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    beschreibung TEXT CHECK (beschreibung IS NULL OR length(beschreibung) <= 2000),
    email        TEXT CHECK (email IS NULL OR length(email) <= 254),
    website      TEXT CHECK (website IS NULL OR length(website) <= 500),
    angelegt_am  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_anbieter_name ON anbieter (name COLLATE NOCASE);

-- Offers ------------------------------------------------------------------------------------------

-- The offer as a whole: who owns it and where it stands. status is the lifecycle
-- entwurf → zur_pruefung → veroeffentlicht → archiviert; aenderung_status says whether a change to a
-- published offer waits for review (the public keeps the published version meanwhile).
CREATE TABLE angebote (
    id               TEXT PRIMARY KEY,
    anbieter_id      TEXT NOT NULL REFERENCES anbieter (id),
    status           TEXT NOT NULL DEFAULT 'entwurf'
                     CHECK (status IN ('entwurf', 'zur_pruefung', 'veroeffentlicht', 'archiviert')),
    status_seit      TEXT NOT NULL,
    aenderung_status TEXT CHECK (aenderung_status IS NULL OR aenderung_status IN ('zur_pruefung', 'zurueckgewiesen')),
    -- Last review by staff (publication or approval of a change): offers not reviewed for 12 months are flagged.
    geprueft_am      TEXT,
    geprueft_von     TEXT,
    angelegt_am      TEXT NOT NULL,
    angelegt_von     TEXT NOT NULL,
    CHECK (aenderung_status IS NULL OR status = 'veroeffentlicht'),
    CHECK (status NOT IN ('veroeffentlicht', 'archiviert') OR geprueft_am IS NOT NULL)
);
CREATE INDEX ix_angebote_anbieter ON angebote (anbieter_id);
CREATE INDEX ix_angebote_status ON angebote (status, geprueft_am);

CREATE TABLE angebot_status_verlauf (
    id         TEXT PRIMARY KEY,
    angebot_id TEXT NOT NULL REFERENCES angebote (id) ON DELETE CASCADE,
    von        TEXT,
    nach       TEXT NOT NULL,
    am         TEXT NOT NULL,
    durch      TEXT NOT NULL,
    grund      TEXT CHECK (grund IS NULL OR length(grund) <= 500)
);
CREATE INDEX ix_angebot_status_verlauf ON angebot_status_verlauf (angebot_id, am);

-- One version of an offer's facts. kategorie is a key of the module's configurable categories.
-- The age range is in months from 0 to 18 years (216); ab_schwangerschaft: the offer starts in pregnancy.
-- The cost text (when not free) is the translatable text field 'kosten'.
CREATE TABLE angebot_fassungen (
    angebot_id              TEXT NOT NULL REFERENCES angebote (id) ON DELETE CASCADE,
    fassung                 TEXT NOT NULL CHECK (fassung IN ('arbeit', 'veroeffentlicht')),
    kategorie               TEXT NOT NULL CHECK (length(kategorie) BETWEEN 1 AND 50),
    ab_schwangerschaft      INTEGER NOT NULL DEFAULT 0 CHECK (ab_schwangerschaft IN (0, 1)),
    alter_von_monate        INTEGER NOT NULL DEFAULT 0 CHECK (alter_von_monate BETWEEN 0 AND 216),
    alter_bis_monate        INTEGER NOT NULL DEFAULT 216 CHECK (alter_bis_monate BETWEEN 0 AND 216),
    kostenlos               INTEGER NOT NULL DEFAULT 1 CHECK (kostenlos IN (0, 1)),
    dolmetscher_auf_anfrage INTEGER NOT NULL DEFAULT 0 CHECK (dolmetscher_auf_anfrage IN (0, 1)),
    gueltig_von             TEXT CHECK (gueltig_von IS NULL OR length(gueltig_von) = 10),
    gueltig_bis             TEXT CHECK (gueltig_bis IS NULL OR length(gueltig_bis) = 10),
    geaendert_am            TEXT NOT NULL,
    geaendert_von           TEXT NOT NULL,
    PRIMARY KEY (angebot_id, fassung),
    CHECK (alter_von_monate <= alter_bis_monate),
    CHECK (gueltig_von IS NULL OR gueltig_bis IS NULL OR gueltig_von <= gueltig_bis)
);
CREATE INDEX ix_angebot_fassungen_kategorie ON angebot_fassungen (fassung, kategorie);

-- An offer's public texts per language and field (HSDS service: name, description, application_process,
-- eligibility_description, fees_description). German ('de') is required to publish. revision is raised on
-- every change of the text; a translation keeps in de_revision the revision of the German text it was made
-- from, so it is outdated when the German text's revision is higher.
CREATE TABLE angebot_texte (
    angebot_id    TEXT NOT NULL,
    fassung       TEXT NOT NULL,
    sprache       TEXT NOT NULL CHECK (sprache GLOB '[a-z][a-z]' OR sprache GLOB '[a-z][a-z][a-z]'),
    feld          TEXT NOT NULL CHECK (feld IN ('titel', 'beschreibung', 'anmeldung', 'voraussetzungen', 'kosten')),
    text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000 AND (feld <> 'titel' OR length(text) <= 200)),
    revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    de_revision   INTEGER CHECK (de_revision IS NULL OR de_revision >= 1),
    geaendert_am  TEXT NOT NULL,
    geaendert_von TEXT NOT NULL,
    PRIMARY KEY (angebot_id, fassung, sprache, feld),
    FOREIGN KEY (angebot_id, fassung) REFERENCES angebot_fassungen (angebot_id, fassung) ON DELETE CASCADE,
    CHECK ((sprache = 'de') = (de_revision IS NULL))
);
CREATE INDEX ix_angebot_texte_sprache ON angebot_texte (fassung, sprache, feld);

-- Places (HSDS location) of a provider. A place that a published version uses is not changed in place:
-- a change makes a new row, so the public keeps the reviewed address until the change is approved.
CREATE TABLE orte (
    id          TEXT PRIMARY KEY,
    anbieter_id TEXT NOT NULL REFERENCES anbieter (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    strasse     TEXT NOT NULL CHECK (length(strasse) BETWEEN 1 AND 200),
    plz         TEXT NOT NULL CHECK (length(plz) = 5 AND plz GLOB '[0-9][0-9][0-9][0-9][0-9]'),
    ort         TEXT NOT NULL CHECK (length(ort) BETWEEN 1 AND 100),
    kommune_ags TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    stufenlos   INTEGER NOT NULL DEFAULT 0 CHECK (stufenlos IN (0, 1)),
    breite      REAL CHECK (breite IS NULL OR breite BETWEEN -90 AND 90),
    laenge      REAL CHECK (laenge IS NULL OR laenge BETWEEN -180 AND 180),
    angelegt_am TEXT NOT NULL,
    CHECK ((breite IS NULL) = (laenge IS NULL))
);
CREATE INDEX ix_orte_anbieter ON orte (anbieter_id);
CREATE INDEX ix_orte_kommune ON orte (kommune_ags);

CREATE TABLE angebot_orte (
    angebot_id TEXT NOT NULL,
    fassung    TEXT NOT NULL,
    ort_id     TEXT NOT NULL REFERENCES orte (id),
    PRIMARY KEY (angebot_id, fassung, ort_id),
    FOREIGN KEY (angebot_id, fassung) REFERENCES angebot_fassungen (angebot_id, fassung) ON DELETE CASCADE
);
CREATE INDEX ix_angebot_orte_ort ON angebot_orte (ort_id, fassung);

-- Opening times as HSDS schedule rows with RFC 5545 parts: a weekly or monthly rule (freq, byday such as
-- 'MO,WE' or '1TU') or a single day (datum, e.g. an Impftag), optionally at one of the offer's places.
CREATE TABLE oeffnungszeiten (
    id           TEXT NOT NULL,
    angebot_id   TEXT NOT NULL,
    fassung      TEXT NOT NULL,
    ort_id       TEXT REFERENCES orte (id),
    freq         TEXT CHECK (freq IS NULL OR freq IN ('WEEKLY', 'MONTHLY')),
    byday        TEXT CHECK (byday IS NULL OR length(byday) BETWEEN 2 AND 40),
    datum        TEXT CHECK (datum IS NULL OR length(datum) = 10),
    opens_at     TEXT NOT NULL CHECK (length(opens_at) = 5),
    closes_at    TEXT NOT NULL CHECK (length(closes_at) = 5),
    beschreibung TEXT CHECK (beschreibung IS NULL OR length(beschreibung) <= 500),
    PRIMARY KEY (id, fassung),
    FOREIGN KEY (angebot_id, fassung) REFERENCES angebot_fassungen (angebot_id, fassung) ON DELETE CASCADE,
    CHECK (opens_at < closes_at),
    CHECK ((freq IS NULL) = (byday IS NULL)),
    CHECK ((freq IS NULL) <> (datum IS NULL))
);
CREATE INDEX ix_oeffnungszeiten_angebot ON oeffnungszeiten (angebot_id, fassung);
CREATE INDEX ix_oeffnungszeiten_datum ON oeffnungszeiten (fassung, datum) WHERE datum IS NOT NULL;

-- Languages spoken on site.
CREATE TABLE angebot_sprachen (
    angebot_id TEXT NOT NULL,
    fassung    TEXT NOT NULL,
    sprache    TEXT NOT NULL CHECK (sprache GLOB '[a-z][a-z]' OR sprache GLOB '[a-z][a-z][a-z]'),
    PRIMARY KEY (angebot_id, fassung, sprache),
    FOREIGN KEY (angebot_id, fassung) REFERENCES angebot_fassungen (angebot_id, fassung) ON DELETE CASCADE
);
CREATE INDEX ix_angebot_sprachen_sprache ON angebot_sprachen (fassung, sprache);

-- Translated materials (a flyer in Arabic): the file lies in the SDK file service (owner: the offer).
CREATE TABLE materialien (
    id         TEXT NOT NULL,
    angebot_id TEXT NOT NULL,
    fassung    TEXT NOT NULL,
    datei_id   TEXT NOT NULL,
    sprache    TEXT NOT NULL CHECK (sprache GLOB '[a-z][a-z]' OR sprache GLOB '[a-z][a-z][a-z]'),
    titel      TEXT NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
    angelegt_am TEXT NOT NULL,
    PRIMARY KEY (id, fassung),
    FOREIGN KEY (angebot_id, fassung) REFERENCES angebot_fassungen (angebot_id, fassung) ON DELETE CASCADE
);
CREATE INDEX ix_materialien_angebot ON materialien (angebot_id, fassung);

-- Barriers and measures ---------------------------------------------------------------------------

-- A known access barrier of an offer or in a municipality (or both); sprache names the language of a
-- language barrier.
CREATE TABLE barrieren (
    id           TEXT PRIMARY KEY,
    angebot_id   TEXT REFERENCES angebote (id),
    kommune_ags  TEXT CHECK (kommune_ags IS NULL OR length(kommune_ags) = 8),
    art          TEXT NOT NULL
                 CHECK (art IN ('sprache', 'kosten', 'mobilitaet', 'information', 'vertrauen', 'oeffnungszeiten')),
    sprache      TEXT CHECK (sprache IS NULL OR sprache GLOB '[a-z][a-z]' OR sprache GLOB '[a-z][a-z][a-z]'),
    beschreibung TEXT NOT NULL CHECK (length(beschreibung) BETWEEN 1 AND 2000),
    erfasst_am   TEXT NOT NULL,
    erfasst_von  TEXT NOT NULL,
    CHECK (angebot_id IS NOT NULL OR kommune_ags IS NOT NULL)
);
CREATE INDEX ix_barrieren_angebot ON barrieren (angebot_id);
CREATE INDEX ix_barrieren_kommune ON barrieren (kommune_ags);

-- A measure against a barrier, with its status and owner (a person or organisation named by staff).
CREATE TABLE massnahmen (
    id            TEXT PRIMARY KEY,
    barriere_id   TEXT NOT NULL REFERENCES barrieren (id),
    art           TEXT NOT NULL
                  CHECK (art IN ('dolmetscherpool', 'uebersetzter_flyer', 'begleitung_lotsen', 'ansprache_beiraete_kitas', 'sonstige')),
    titel         TEXT NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
    beschreibung  TEXT CHECK (beschreibung IS NULL OR length(beschreibung) <= 2000),
    verantwortlich TEXT NOT NULL CHECK (length(verantwortlich) BETWEEN 1 AND 200),
    status        TEXT NOT NULL DEFAULT 'geplant' CHECK (status IN ('geplant', 'laufend', 'umgesetzt', 'verworfen')),
    status_seit   TEXT NOT NULL,
    angelegt_am   TEXT NOT NULL,
    angelegt_von  TEXT NOT NULL
);
CREATE INDEX ix_massnahmen_barriere ON massnahmen (barriere_id);

-- Outreach ----------------------------------------------------------------------------------------

CREATE TABLE kampagnen (
    id           TEXT PRIMARY KEY,
    titel        TEXT NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
    beschreibung TEXT CHECK (beschreibung IS NULL OR length(beschreibung) <= 2000),
    beginn       TEXT NOT NULL CHECK (length(beginn) = 10),
    ende         TEXT CHECK (ende IS NULL OR (length(ende) = 10 AND ende >= beginn)),
    status       TEXT NOT NULL DEFAULT 'geplant' CHECK (status IN ('geplant', 'laufend', 'abgeschlossen', 'abgesagt')),
    status_seit  TEXT NOT NULL,
    angelegt_am  TEXT NOT NULL,
    angelegt_von TEXT NOT NULL
);

-- Material handed out: what, to which kind of institution, how many, when, where (figures per municipality).
CREATE TABLE materialausgaben (
    id              TEXT PRIMARY KEY,
    kampagne_id     TEXT REFERENCES kampagnen (id),
    angebot_id      TEXT REFERENCES angebote (id),
    material        TEXT NOT NULL CHECK (length(material) BETWEEN 1 AND 200),
    einrichtung_art TEXT NOT NULL CHECK (einrichtung_art IN ('kita', 'schule', 'arzt', 'beirat', 'sonstige')),
    einrichtung     TEXT CHECK (einrichtung IS NULL OR length(einrichtung) <= 200),
    anzahl          INTEGER NOT NULL CHECK (anzahl BETWEEN 1 AND 1000000),
    datum           TEXT NOT NULL CHECK (length(datum) = 10),
    kommune_ags     TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    erfasst_am      TEXT NOT NULL,
    erfasst_von     TEXT NOT NULL
);
CREATE INDEX ix_materialausgaben_kommune ON materialausgaben (kommune_ags, datum);
CREATE INDEX ix_materialausgaben_kampagne ON materialausgaben (kampagne_id);

CREATE TABLE materialausgabe_sprachen (
    ausgabe_id TEXT NOT NULL REFERENCES materialausgaben (id) ON DELETE CASCADE,
    sprache    TEXT NOT NULL CHECK (sprache GLOB '[a-z][a-z]' OR sprache GLOB '[a-z][a-z][a-z]'),
    PRIMARY KEY (ausgabe_id, sprache)
);

-- Accompaniment -----------------------------------------------------------------------------------

-- A family's need handed to the Lotsen module (CreateLotsenAnfrage through the outbox). Only the
-- hand-over is kept here — never initials or contact, which travel with the command alone.
-- anfrage_id is the Lotsen request's id once LotsenAnfrageAngelegt has answered.
CREATE TABLE lotsen_uebergaben (
    korrelations_id TEXT PRIMARY KEY,
    angebot_id      TEXT NOT NULL REFERENCES angebote (id),
    sprache         TEXT NOT NULL CHECK (sprache GLOB '[a-z][a-z]' OR sprache GLOB '[a-z][a-z][a-z]'),
    kommune_ags     TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    datum           TEXT NOT NULL CHECK (length(datum) = 10),
    status          TEXT NOT NULL DEFAULT 'uebergeben'
                    CHECK (status IN ('uebergeben', 'angelegt', 'vermittelt', 'erledigt', 'abgebrochen')),
    status_seit     TEXT NOT NULL,
    anfrage_id      TEXT,
    uebergeben_von  TEXT NOT NULL
);
CREATE INDEX ix_lotsen_uebergaben_angebot ON lotsen_uebergaben (angebot_id);
CREATE INDEX ix_lotsen_uebergaben_datum ON lotsen_uebergaben (datum);
