-- report-service (issue 9). CockroachDB-compatible: ids and timestamps come from the application, money is
-- NUMERIC, no sequences, no triggers.

-- Core-service's seq-carrying events that arrived ahead of a gap: kept here (durably) until the missing seq arrives,
-- then applied in order and deleted. Kafka offsets can therefore be committed as soon as a record is stored here.
CREATE TABLE pending_event (
    assessment_id UUID        NOT NULL,
    seq           BIGINT      NOT NULL,
    payload       BYTEA       NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assessment_id, seq)
);

-- One assessment as the reports see it (assessment.* events). result/reason are cleared by assessment.reinstated.
CREATE TABLE assessment (
    assessment_id     UUID           NOT NULL PRIMARY KEY,
    user_id           UUID           NOT NULL,
    tier_id           UUID           NOT NULL,
    tier_version      INT            NOT NULL,
    rule_set          JSONB          NOT NULL,
    initial_balance   NUMERIC(28, 8) NOT NULL,
    currency          VARCHAR(8)     NOT NULL,
    phase             INT            NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    result            VARCHAR(16),
    reason            VARCHAR(32),
    final_balance     NUMERIC(28, 8),
    final_equity      NUMERIC(28, 8),
    violation_id      UUID,
    funded_eligible   BOOLEAN        NOT NULL,
    profit_split_pct  NUMERIC(12, 4),
    created_at        TIMESTAMPTZ    NOT NULL,
    started_at        TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    last_seq          BIGINT         NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL
);

CREATE INDEX assessment_user_idx ON assessment (user_id);
CREATE INDEX assessment_status_idx ON assessment (status);

-- trading.order-filled: one Trade (fill) with the quote it used.
CREATE TABLE fill (
    assessment_id UUID           NOT NULL,
    trade_id      UUID           NOT NULL,
    order_id      UUID           NOT NULL,
    phase         INT            NOT NULL,
    instrument    VARCHAR(200)   NOT NULL,
    side          VARCHAR(8)     NOT NULL,
    qty           NUMERIC(28, 8) NOT NULL,
    price         NUMERIC(28, 8) NOT NULL,
    fee           NUMERIC(28, 8) NOT NULL,
    quote         JSONB,
    filled_at     TIMESTAMPTZ    NOT NULL,
    seq           BIGINT         NOT NULL,
    PRIMARY KEY (assessment_id, trade_id)
);

-- trading.position-closed: a round trip. realized_pnl is gross, fees separate (net = realized_pnl - fees).
CREATE TABLE round_trip (
    assessment_id UUID           NOT NULL,
    position_id   UUID           NOT NULL,
    phase         INT            NOT NULL,
    instrument    VARCHAR(200)   NOT NULL,
    side          VARCHAR(8)     NOT NULL,
    qty           NUMERIC(28, 8) NOT NULL,
    avg_entry     NUMERIC(28, 8) NOT NULL,
    exit_price    NUMERIC(28, 8),
    realized_pnl  NUMERIC(28, 8) NOT NULL,
    fees          NUMERIC(28, 8) NOT NULL,
    opened_at     TIMESTAMPTZ    NOT NULL,
    closed_at     TIMESTAMPTZ    NOT NULL,
    seq           BIGINT         NOT NULL,
    PRIMARY KEY (assessment_id, position_id)
);

CREATE INDEX round_trip_order_idx ON round_trip (assessment_id, closed_at, seq);

-- assessment.day-closed
CREATE TABLE trading_day (
    assessment_id UUID           NOT NULL,
    phase         INT            NOT NULL,
    day           DATE           NOT NULL,
    close_balance NUMERIC(28, 8) NOT NULL,
    close_equity  NUMERIC(28, 8) NOT NULL,
    day_pnl       NUMERIC(28, 8) NOT NULL,
    min_equity    NUMERIC(28, 8) NOT NULL,
    max_equity    NUMERIC(28, 8) NOT NULL,
    trading_day   BOOLEAN        NOT NULL,
    fills         INT            NOT NULL,
    seq           BIGINT         NOT NULL,
    PRIMARY KEY (assessment_id, phase, day)
);

-- rules.violation-detected: the breach with the rule engine's explanation and its quote (dispute evidence).
-- voided by assessment.reinstated.
CREATE TABLE violation (
    violation_id  UUID           NOT NULL PRIMARY KEY,
    assessment_id UUID           NOT NULL,
    phase         INT            NOT NULL,
    rule          VARCHAR(64)    NOT NULL,
    explanation   JSONB          NOT NULL,
    threshold     NUMERIC(28, 8),
    measured      NUMERIC(28, 8),
    quote         JSONB,
    detected_at   TIMESTAMPTZ    NOT NULL,
    voided        BOOLEAN        NOT NULL,
    seq           BIGINT         NOT NULL
);

CREATE INDEX violation_assessment_idx ON violation (assessment_id, seq);

-- montecarlo.simulation-completed: the latest successful simulation of an assessment.
CREATE TABLE simulation (
    assessment_id UUID        NOT NULL PRIMARY KEY,
    simulation_id UUID        NOT NULL,
    summary       JSONB       NOT NULL,
    fan_chart     JSONB       NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL
);

-- payment.purchase-*: one row per purchase and kind (COMPLETED, FAILED, REFUNDED), for revenue per tier.
CREATE TABLE purchase_event (
    purchase_id  UUID           NOT NULL,
    kind         VARCHAR(16)    NOT NULL,
    user_id      UUID           NOT NULL,
    tier_id      UUID           NOT NULL,
    tier_version INT            NOT NULL,
    amount       NUMERIC(28, 8) NOT NULL,
    currency     VARCHAR(8)     NOT NULL,
    occurred_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (purchase_id, kind)
);

-- Generated documents. kind FINAL (on assessment.completed) or CERTIFICATE (on funded-eligible / final phase
-- passed). status GENERATING | READY | FAILED. A reinstatement deletes the FINAL row (the result is reopened).
-- generation counts the requests: a build is stored only if no request came after the one it was started for.
CREATE TABLE stored_report (
    assessment_id UUID         NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    as_of_seq     BIGINT       NOT NULL,
    generation    BIGINT       NOT NULL,
    json          BYTEA,
    html          BYTEA,
    pdf           BYTEA,
    error         VARCHAR(1000),
    requested_at  TIMESTAMPTZ  NOT NULL,
    generated_at  TIMESTAMPTZ,
    PRIMARY KEY (assessment_id, kind),
    CONSTRAINT stored_report_kind_chk CHECK (kind IN ('FINAL', 'CERTIFICATE')),
    CONSTRAINT stored_report_status_chk CHECK (status IN ('GENERATING', 'READY', 'FAILED'))
);
