-- The platform account of an entry's person, set when the person accepts the invitation the entry sent (see Einladungen).
ALTER TABLE eintraege ADD COLUMN konto TEXT;
