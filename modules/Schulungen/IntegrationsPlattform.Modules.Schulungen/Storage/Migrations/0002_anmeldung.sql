-- Registration: a session's status follows its seats by itself — `offen` while a seat is free, `ausgebucht`
-- once the capacity is taken, `offen` again when a seat frees (a cancellation nobody on the waiting list takes,
-- a raised capacity). Only these two statuses change here: a planned, held, evaluated or cancelled session keeps
-- its status. status_seit takes the changing row's own time (the module's clock), never the database's.

-- The rule once, as the INSTEAD OF trigger of an empty view: each change that can fill or free a seat inserts the
-- session and its time into the view, which writes nothing itself.
CREATE VIEW termin_belegung_folgen AS SELECT id AS termin_id, geaendert_am AS am FROM termine WHERE 0;

CREATE TRIGGER termin_belegung_folgen_status INSTEAD OF INSERT ON termin_belegung_folgen
BEGIN
    UPDATE termine
    SET status = CASE status WHEN 'offen' THEN 'ausgebucht' ELSE 'offen' END, status_seit = NEW.am
    WHERE id = NEW.termin_id
      AND status IN ('offen', 'ausgebucht')
      AND (status = 'ausgebucht') <> ((SELECT count(*) FROM anmeldungen a WHERE a.termin_id = termine.id
                                        AND a.status IN ('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig')) >= kapazitaet);
END;

CREATE TRIGGER anmeldungen_belegung_neu AFTER INSERT ON anmeldungen
BEGIN
    INSERT INTO termin_belegung_folgen (termin_id, am) VALUES (NEW.termin_id, NEW.geaendert_am);
END;

CREATE TRIGGER anmeldungen_belegung_geaendert AFTER UPDATE OF status ON anmeldungen
BEGIN
    INSERT INTO termin_belegung_folgen (termin_id, am) VALUES (NEW.termin_id, NEW.geaendert_am);
END;

-- A raised or lowered capacity, or a session opened for registration while already full.
CREATE TRIGGER termine_belegung_geaendert AFTER UPDATE OF kapazitaet, status ON termine
WHEN NEW.status IN ('offen', 'ausgebucht')
BEGIN
    INSERT INTO termin_belegung_folgen (termin_id, am) VALUES (NEW.id, NEW.geaendert_am);
END;
