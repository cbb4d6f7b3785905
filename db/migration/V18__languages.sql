-- The portal speaks English, French and Dutch.

-- A person's language, chosen on their account page or by the admin who invited them; null:
-- the portal's default (PORTAL_DEFAULT_LANGUAGE).
ALTER TABLE account ADD COLUMN language varchar(2) CHECK (language IN ('en', 'fr', 'nl'));
