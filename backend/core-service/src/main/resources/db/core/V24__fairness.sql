-- Issue 10: fairness controls. Quote gaps seen by core's market feed (evidence for latency arbitrage) and the stored
-- fairness reports (periodic and on demand). Reports are for operators: nothing is banned automatically.
CREATE TABLE quote_gaps (
    instrument  VARCHAR(200) NOT NULL,
    gap_end     TIMESTAMPTZ  NOT NULL,  -- receivedTs of the first quote after the silence
    gap_start   TIMESTAMPTZ  NOT NULL,  -- receivedTs of the last quote before it
    recorded_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (instrument, gap_end)   -- every replica sees the same gap: recorded once
);

CREATE INDEX quote_gaps_end_idx ON quote_gaps (gap_end);

CREATE TABLE fairness_reports (
    id           UUID        NOT NULL PRIMARY KEY,
    trigger      VARCHAR(16) NOT NULL CHECK (trigger IN ('PERIODIC', 'ON_DEMAND')),
    period_start TIMESTAMPTZ NOT NULL,
    period_end   TIMESTAMPTZ NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    requested_by UUID REFERENCES users (id),
    findings     JSONB       NOT NULL,
    settings     JSONB       NOT NULL
);

-- one periodic report per period, however many replicas run the schedule
CREATE UNIQUE INDEX fairness_reports_periodic_key ON fairness_reports (period_start) WHERE trigger = 'PERIODIC';
CREATE INDEX fairness_reports_generated_idx ON fairness_reports (generated_at);
