-- Breach evidence (issue 10, breach review): the ticks of every venue for the breached instrument in a window around
-- each breach — before it and after it — so an operator can judge a suspected bad tick against the quotes around it.
CREATE TABLE violation_ticks (
    id           UUID           PRIMARY KEY,
    violation_id UUID           NOT NULL REFERENCES violations (id),
    instrument   VARCHAR(128)   NOT NULL,
    venue        VARCHAR(64)    NOT NULL,
    bid          NUMERIC(20, 8) NOT NULL,
    ask          NUMERIC(20, 8) NOT NULL,
    bid_size     NUMERIC(20, 8),
    ask_size     NUMERIC(20, 8),
    venue_ts     TIMESTAMPTZ,
    received_ts  TIMESTAMPTZ    NOT NULL,
    venue_seq    BIGINT
);

CREATE INDEX violation_ticks_by_violation ON violation_ticks (violation_id, received_ts);
