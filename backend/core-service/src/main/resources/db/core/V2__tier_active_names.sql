-- Tier names are unique among ACTIVE tiers (case-insensitively): the normalised name of the current version while the
-- tier is active, NULL while it is inactive (a UNIQUE column admits any number of NULLs, in PostgreSQL and CockroachDB
-- alike, so no partial index is needed). The application keeps it in step with tiers.active and current_version.
ALTER TABLE tiers ADD COLUMN active_name_key VARCHAR(100) UNIQUE;
