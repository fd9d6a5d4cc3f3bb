-- Evidence for replays (issue 6): every input that changed an assessment's engine in a way that was written — commands
-- (start, orders, cancels, pauses, admin actions) and the quotes, statuses, resolutions and timer ticks whose results
-- were recorded (fills, breaches, day closes) — in the order the engine applied them.
CREATE TABLE engine_inputs (
    assessment_id UUID        NOT NULL REFERENCES assessments (id),
    ordinal       BIGINT      NOT NULL CHECK (ordinal >= 1),
    kind          VARCHAR(32) NOT NULL,
    input         JSONB       NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assessment_id, ordinal)
);

ALTER TABLE assessments ADD COLUMN last_input BIGINT NOT NULL DEFAULT 0;
