-- Schulungen module schema: the whole core the module's areas build on (catalogue, sessions, schools,
-- participants, registrations, attendance, certificates, feedback).
-- Ids are UUIDv7 text; instants are UTC text 'yyyy-MM-ddTHH:mm:ssZ' (fixed width, so text order is time
-- order); days are 'yyyy-MM-dd'; the times of an appointment are local times of the deployment's zone
-- 'yyyy-MM-ddTHH:mm' (what the trainer agreed on, unchanged by a change of summer time rules);
-- municipalities by AGS.
-- Status keys are those of the module's lifecycles (Domain/Lebenszyklen.cs).

-- Trainers ----------------------------------------------------------------------------------------

-- The people who lead sessions. Most are outside the Kreis staff and get an invited account
-- (role schulungen.trainer); konto_id and benutzername link the record to it once the account exists,
-- and a trainer's own-records grant reaches the sessions she leads through benutzername.
CREATE TABLE trainer (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email        TEXT CHECK (email IS NULL OR length(email) <= 254),
    konto_id     TEXT UNIQUE,
    benutzername TEXT UNIQUE COLLATE NOCASE,
    angelegt_am  TEXT NOT NULL
);

-- Catalogue -----------------------------------------------------------------------------------------

CREATE TABLE kurse (
    id                   TEXT PRIMARY KEY,
    titel                TEXT NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
    beschreibung         TEXT NOT NULL CHECK (length(beschreibung) BETWEEN 1 AND 4000),
    lernziele            TEXT NOT NULL CHECK (length(lernziele) BETWEEN 1 AND 4000),
    zielgruppe           TEXT NOT NULL CHECK (length(zielgruppe) BETWEEN 1 AND 500),
    format               TEXT NOT NULL CHECK (format IN ('praesenz', 'online', 'hybrid')),
    -- Unterrichtseinheiten (45 min) and clock hours, both as the certificate states them.
    unterrichtseinheiten INTEGER NOT NULL CHECK (unterrichtseinheiten BETWEEN 1 AND 200),
    stunden              REAL NOT NULL CHECK (stunden > 0 AND stunden <= 200),
    voraussetzungen      TEXT CHECK (voraussetzungen IS NULL OR length(voraussetzungen) <= 2000),
    status               TEXT NOT NULL DEFAULT 'entwurf'
                         CHECK (status IN ('entwurf', 'veroeffentlicht', 'archiviert')),
    status_seit          TEXT NOT NULL,
    angelegt_am          TEXT NOT NULL,
    geaendert_am         TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_kurse_titel ON kurse (titel COLLATE NOCASE);
CREATE INDEX ix_kurse_status ON kurse (status, titel);

-- The trainers a course usually has (a session names its own, see termin_trainer).
CREATE TABLE kurs_trainer (
    kurs_id    TEXT NOT NULL REFERENCES kurse (id) ON DELETE CASCADE,
    trainer_id TEXT NOT NULL REFERENCES trainer (id),
    PRIMARY KEY (kurs_id, trainer_id)
);
CREATE INDEX ix_kurs_trainer_trainer ON kurs_trainer (trainer_id);

-- Sessions (Termine) ---------------------------------------------------------------------------------

CREATE TABLE termine (
    id               TEXT PRIMARY KEY,
    kurs_id          TEXT NOT NULL REFERENCES kurse (id),
    -- Where the session takes place; NULL for an online session that belongs to no municipality.
    kommune_ags      TEXT CHECK (kommune_ags IS NULL OR length(kommune_ags) = 8),
    kapazitaet       INTEGER NOT NULL CHECK (kapazitaet BETWEEN 1 AND 1000),
    max_warteliste   INTEGER NOT NULL DEFAULT 0 CHECK (max_warteliste BETWEEN 0 AND 1000),
    -- The last day (local) on which registrations are taken.
    anmeldeschluss   TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'geplant'
                     CHECK (status IN ('geplant', 'offen', 'ausgebucht', 'durchgefuehrt', 'ausgewertet', 'abgesagt')),
    status_seit      TEXT NOT NULL,
    absage_grund     TEXT CHECK (absage_grund IS NULL OR length(absage_grund) <= 500),
    notiz            TEXT CHECK (notiz IS NULL OR length(notiz) <= 2000),
    -- iCalendar SEQUENCE of the session's appointments, raised with every change attendees should see.
    kalender_sequenz INTEGER NOT NULL DEFAULT 0 CHECK (kalender_sequenz >= 0),
    -- Start and end of the first and last appointment (local), kept by the triggers below for lists,
    -- school-year filters and sorting; NULL while the session has no appointment.
    beginnt_am       TEXT,
    endet_am         TEXT,
    angelegt_am      TEXT NOT NULL,
    geaendert_am     TEXT NOT NULL
);
CREATE INDEX ix_termine_beginn ON termine (beginnt_am, id);
CREATE INDEX ix_termine_kurs ON termine (kurs_id, beginnt_am);
CREATE INDEX ix_termine_status ON termine (status, beginnt_am);
CREATE INDEX ix_termine_kommune ON termine (kommune_ags, beginnt_am);

-- The appointments of a session: one or several days, each with its own time and place.
CREATE TABLE termin_zeiten (
    id         TEXT PRIMARY KEY,
    termin_id  TEXT NOT NULL REFERENCES termine (id) ON DELETE CASCADE,
    beginn     TEXT NOT NULL CHECK (length(beginn) = 16),
    ende       TEXT NOT NULL CHECK (length(ende) = 16),
    ort        TEXT CHECK (ort IS NULL OR length(ort) BETWEEN 1 AND 300),
    online_link TEXT CHECK (online_link IS NULL OR length(online_link) BETWEEN 1 AND 500),
    CHECK (ende > beginn),
    CHECK (ort IS NOT NULL OR online_link IS NOT NULL)
);
CREATE INDEX ix_termin_zeiten_termin ON termin_zeiten (termin_id, beginn);
CREATE INDEX ix_termin_zeiten_beginn ON termin_zeiten (beginn);

CREATE TRIGGER termin_zeiten_spanne_neu AFTER INSERT ON termin_zeiten
BEGIN
    UPDATE termine SET
        beginnt_am = (SELECT min(beginn) FROM termin_zeiten WHERE termin_id = NEW.termin_id),
        endet_am = (SELECT max(ende) FROM termin_zeiten WHERE termin_id = NEW.termin_id)
    WHERE id = NEW.termin_id;
END;
CREATE TRIGGER termin_zeiten_spanne_geaendert AFTER UPDATE OF beginn, ende, termin_id ON termin_zeiten
BEGIN
    UPDATE termine SET
        beginnt_am = (SELECT min(beginn) FROM termin_zeiten WHERE termin_id = termine.id),
        endet_am = (SELECT max(ende) FROM termin_zeiten WHERE termin_id = termine.id)
    WHERE id IN (OLD.termin_id, NEW.termin_id);
END;
CREATE TRIGGER termin_zeiten_spanne_geloescht AFTER DELETE ON termin_zeiten
BEGIN
    UPDATE termine SET
        beginnt_am = (SELECT min(beginn) FROM termin_zeiten WHERE termin_id = OLD.termin_id),
        endet_am = (SELECT max(ende) FROM termin_zeiten WHERE termin_id = OLD.termin_id)
    WHERE id = OLD.termin_id;
END;

CREATE TABLE termin_trainer (
    termin_id  TEXT NOT NULL REFERENCES termine (id) ON DELETE CASCADE,
    trainer_id TEXT NOT NULL REFERENCES trainer (id),
    PRIMARY KEY (termin_id, trainer_id)
);
CREATE INDEX ix_termin_trainer_trainer ON termin_trainer (trainer_id, termin_id);

-- Schools of the Kreis -----------------------------------------------------------------------------

-- The school types of Hessen (reference data; a Kreis adds its own with a later migration).
CREATE TABLE schularten (
    schluessel  TEXT PRIMARY KEY,
    bezeichnung TEXT NOT NULL UNIQUE,
    reihenfolge INTEGER NOT NULL
);
INSERT INTO schularten (schluessel, bezeichnung, reihenfolge) VALUES
    ('grundschule', 'Grundschule', 10),
    ('hauptschule', 'Hauptschule', 20),
    ('realschule', 'Realschule', 30),
    ('mittelstufenschule', 'Mittelstufenschule', 40),
    ('gymnasium', 'Gymnasium', 50),
    ('igs', 'Integrierte Gesamtschule', 60),
    ('kgs', 'Kooperative Gesamtschule', 70),
    ('foerderschule', 'Förderschule', 80),
    ('berufliche_schule', 'Berufliche Schule', 90);

CREATE TABLE schulen (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    schulart    TEXT NOT NULL REFERENCES schularten (schluessel),
    kommune_ags TEXT NOT NULL CHECK (length(kommune_ags) = 8),
    angelegt_am TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_schulen_name ON schulen (name COLLATE NOCASE, kommune_ags);
CREATE INDEX ix_schulen_kommune ON schulen (kommune_ags, name);

-- Participants (minimal: no account, no address, no birth date) ------------------------------------

CREATE TABLE teilnehmende (
    id          TEXT PRIMARY KEY,
    vorname     TEXT NOT NULL CHECK (length(vorname) BETWEEN 1 AND 100),
    nachname    TEXT NOT NULL CHECK (length(nachname) BETWEEN 1 AND 100),
    email       TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    -- Employer or Träger as the person names it, for those who work for no school of the Kreis.
    arbeitgeber TEXT CHECK (arbeitgeber IS NULL OR length(arbeitgeber) <= 200),
    angelegt_am TEXT NOT NULL
);
-- One record per person: the e-mail address (the one the double opt-in confirmed) identifies her.
CREATE UNIQUE INDEX ux_teilnehmende_email ON teilnehmende (email COLLATE NOCASE);
CREATE INDEX ix_teilnehmende_name ON teilnehmende (nachname COLLATE NOCASE, vorname COLLATE NOCASE);

CREATE TABLE teilnehmende_schulen (
    teilnehmende_id TEXT NOT NULL REFERENCES teilnehmende (id) ON DELETE CASCADE,
    schule_id       TEXT NOT NULL REFERENCES schulen (id),
    PRIMARY KEY (teilnehmende_id, schule_id)
);
CREATE INDEX ix_teilnehmende_schulen_schule ON teilnehmende_schulen (schule_id);

-- Registrations --------------------------------------------------------------------------------------

-- States as Moodle's Face-to-face knows them: angefragt (not yet confirmed), angemeldet, warteliste,
-- abgemeldet, then after the session nicht_erschienen, teilweise or vollstaendig (teilgenommen).
-- A seat is taken by angemeldet and by the three states after the session.
CREATE TABLE anmeldungen (
    id                 TEXT PRIMARY KEY,
    termin_id          TEXT NOT NULL REFERENCES termine (id),
    teilnehmende_id    TEXT NOT NULL REFERENCES teilnehmende (id) ON DELETE CASCADE,
    status             TEXT NOT NULL
                       CHECK (status IN ('angefragt', 'angemeldet', 'warteliste', 'abgemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig')),
    angefragt_am       TEXT NOT NULL,
    bestaetigt_am      TEXT,
    -- Order on the waiting list (lower first: in order of confirmation); only while on it.
    warteposition      INTEGER CHECK (warteposition IS NULL OR status = 'warteliste'),
    abgemeldet_am      TEXT,
    -- SHA-256 of the participant's cancellation link (the token itself is only in her mail).
    abmelde_token_hash TEXT UNIQUE,
    geaendert_am       TEXT NOT NULL
);
-- A participant holds at most one registration per session that is not cancelled.
CREATE UNIQUE INDEX ux_anmeldungen_aktiv ON anmeldungen (termin_id, teilnehmende_id) WHERE status <> 'abgemeldet';
CREATE INDEX ix_anmeldungen_termin ON anmeldungen (termin_id, status, warteposition);
CREATE INDEX ix_anmeldungen_teilnehmende ON anmeldungen (teilnehmende_id);

-- Capacity and waiting list are the database's rules, so that concurrent registrations can never exceed
-- them: a row that would take a seat beyond the session's capacity, or a place beyond its maximum waiting
-- list, aborts the statement (and the command's transaction with it). The module turns the messages
-- into German answers.
CREATE TRIGGER anmeldungen_kapazitaet_neu BEFORE INSERT ON anmeldungen
WHEN NEW.status IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig')
 AND (SELECT count(*) FROM anmeldungen a
      WHERE a.termin_id = NEW.termin_id AND a.status IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig'))
     >= (SELECT kapazitaet FROM termine WHERE id = NEW.termin_id)
BEGIN
    SELECT RAISE(ABORT, 'termin_ausgebucht');
END;
CREATE TRIGGER anmeldungen_kapazitaet_geaendert BEFORE UPDATE OF status, termin_id ON anmeldungen
WHEN NEW.status IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig')
 AND (OLD.status NOT IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig') OR OLD.termin_id <> NEW.termin_id)
 AND (SELECT count(*) FROM anmeldungen a
      WHERE a.termin_id = NEW.termin_id AND a.id <> NEW.id AND a.status IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig'))
     >= (SELECT kapazitaet FROM termine WHERE id = NEW.termin_id)
BEGIN
    SELECT RAISE(ABORT, 'termin_ausgebucht');
END;
CREATE TRIGGER anmeldungen_warteliste_neu BEFORE INSERT ON anmeldungen
WHEN NEW.status = 'warteliste'
 AND (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = NEW.termin_id AND a.status = 'warteliste')
     >= (SELECT max_warteliste FROM termine WHERE id = NEW.termin_id)
BEGIN
    SELECT RAISE(ABORT, 'warteliste_voll');
END;
CREATE TRIGGER anmeldungen_warteliste_geaendert BEFORE UPDATE OF status, termin_id ON anmeldungen
WHEN NEW.status = 'warteliste'
 AND (OLD.status <> 'warteliste' OR OLD.termin_id <> NEW.termin_id)
 AND (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = NEW.termin_id AND a.id <> NEW.id AND a.status = 'warteliste')
     >= (SELECT max_warteliste FROM termine WHERE id = NEW.termin_id)
BEGIN
    SELECT RAISE(ABORT, 'warteliste_voll');
END;
CREATE TRIGGER termine_kapazitaet_gesenkt BEFORE UPDATE OF kapazitaet ON termine
WHEN NEW.kapazitaet < (SELECT count(*) FROM anmeldungen a
                       WHERE a.termin_id = NEW.id AND a.status IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig'))
BEGIN
    SELECT RAISE(ABORT, 'kapazitaet_unter_anmeldungen');
END;
CREATE TRIGGER termine_warteliste_gesenkt BEFORE UPDATE OF max_warteliste ON termine
WHEN NEW.max_warteliste < (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = NEW.id AND a.status = 'warteliste')
BEGIN
    SELECT RAISE(ABORT, 'warteliste_unter_wartenden');
END;

-- Attendance per registration and appointment, recorded by the session's trainers or staff.
CREATE TABLE anwesenheit (
    anmeldung_id TEXT NOT NULL REFERENCES anmeldungen (id) ON DELETE CASCADE,
    zeit_id      TEXT NOT NULL REFERENCES termin_zeiten (id) ON DELETE CASCADE,
    anwesend     INTEGER NOT NULL CHECK (anwesend IN (0, 1)),
    erfasst_am   TEXT NOT NULL,
    erfasst_von  TEXT NOT NULL,
    PRIMARY KEY (anmeldung_id, zeit_id)
);
CREATE INDEX ix_anwesenheit_zeit ON anwesenheit (zeit_id);

-- Certificates (Teilnahmebescheinigungen) -----------------------------------------------------------

-- A certificate stays verifiable by its code after the participant's data is erased: the registration
-- link then goes (SET NULL), the session and the initials stay — the public check shows nothing else.
CREATE TABLE bescheinigungen (
    id                TEXT PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 8 AND 40),
    anmeldung_id      TEXT UNIQUE REFERENCES anmeldungen (id) ON DELETE SET NULL,
    termin_id         TEXT NOT NULL REFERENCES termine (id),
    initialen         TEXT NOT NULL CHECK (length(initialen) BETWEEN 1 AND 10),
    ausgestellt_am    TEXT NOT NULL,
    zurueckgezogen_am TEXT,
    rueckzug_grund    TEXT CHECK (rueckzug_grund IS NULL OR length(rueckzug_grund) <= 500),
    CHECK (zurueckgezogen_am IS NULL OR zurueckgezogen_am >= ausgestellt_am)
);
CREATE INDEX ix_bescheinigungen_termin ON bescheinigungen (termin_id);

-- Anonymous feedback ------------------------------------------------------------------------------

-- A personal single-use link per attendee of a session. Nothing ties an invitation to the answer given
-- with it: the answer is stored without token, participant or time of day.
CREATE TABLE feedback_einladungen (
    id           TEXT PRIMARY KEY,
    termin_id    TEXT NOT NULL REFERENCES termine (id),
    token_hash   TEXT NOT NULL UNIQUE,
    erstellt_am  TEXT NOT NULL,
    gueltig_bis  TEXT NOT NULL,
    verwendet_am TEXT
);
CREATE INDEX ix_feedback_einladungen_termin ON feedback_einladungen (termin_id);

-- Scores 1–5 (5 = best); only the overall score is required. The id is random (UUIDv4), never time-ordered
-- like the other ids, so that it tells nothing about when the answer came in.
CREATE TABLE feedback_antworten (
    id                 TEXT PRIMARY KEY,
    termin_id          TEXT NOT NULL REFERENCES termine (id),
    gesamt             INTEGER NOT NULL CHECK (gesamt BETWEEN 1 AND 5),
    inhalte            INTEGER CHECK (inhalte IS NULL OR inhalte BETWEEN 1 AND 5),
    methoden           INTEGER CHECK (methoden IS NULL OR methoden BETWEEN 1 AND 5),
    praxisnutzen       INTEGER CHECK (praxisnutzen IS NULL OR praxisnutzen BETWEEN 1 AND 5),
    organisation       INTEGER CHECK (organisation IS NULL OR organisation BETWEEN 1 AND 5),
    freitext           TEXT CHECK (freitext IS NULL OR length(freitext) <= 4000)
);
CREATE INDEX ix_feedback_antworten_termin ON feedback_antworten (termin_id);
