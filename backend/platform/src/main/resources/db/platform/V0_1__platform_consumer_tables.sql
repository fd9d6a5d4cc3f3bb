-- Platform tables present in every schema-owning service: event-id dedupe and per-assessment seq cursors of the
-- idempotent consumers (CONTRACTS.md "Event envelope"). Portable to CockroachDB: no SERIAL, no triggers.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);

CREATE TABLE consumer_seq_cursor (
    consumer      VARCHAR(100) NOT NULL,
    assessment_id UUID         NOT NULL,
    last_seq      BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, assessment_id)
);
