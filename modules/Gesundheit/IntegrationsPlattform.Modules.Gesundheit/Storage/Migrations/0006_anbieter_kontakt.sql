-- A provider's minimal contact besides e-mail and website: a telephone number, and the municipality it sits in
-- (staff find a provider by it; the offers' places say where families go). Both optional: providers created by
-- the CSV import have a name only.
ALTER TABLE anbieter ADD COLUMN telefon TEXT CHECK (telefon IS NULL OR length(telefon) <= 40);
ALTER TABLE anbieter ADD COLUMN kommune_ags TEXT CHECK (kommune_ags IS NULL OR length(kommune_ags) = 8);
