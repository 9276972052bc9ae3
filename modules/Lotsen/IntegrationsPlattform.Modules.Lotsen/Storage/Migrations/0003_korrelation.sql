-- A request another module handed over through its outbox keeps the correlation id the sender chose, so the
-- notifications about it (matched, closed) can carry it back (contracts: CreateLotsenAnfrage.KorrelationsId).
ALTER TABLE anfragen ADD COLUMN korrelations_id TEXT;
