-- The live trading engine's state per assessment (issue 6): an exact snapshot of AssessmentEngine (format-versioned
-- JSON, see trading-engine's README "Snapshots") and its version, raised by every write so that a replica holding an
-- older copy in memory notices and reloads. NULL until the assessment starts.
ALTER TABLE assessments ADD COLUMN engine_state JSONB;
ALTER TABLE assessments ADD COLUMN engine_version BIGINT NOT NULL DEFAULT 0;
