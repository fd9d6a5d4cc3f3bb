-- monte-carlo-service (issue 8). CockroachDB-compatible: ids and timestamps come from the application, money is
-- NUMERIC, no sequences, no triggers.

-- One simulation job. The row is the truth; Kafka only distributes work. A pod owns a RUNNING job while its lease
-- (lease_owner, lease_until) is fresh; every write of the job is conditional on (lease_owner, attempt), so a pod that
-- lost its lease cannot finish the job a second time.
CREATE TABLE simulation (
    id               UUID         NOT NULL PRIMARY KEY,
    owner_user_id    UUID         NOT NULL,
    requested_by     VARCHAR(64)  NOT NULL,
    assessment_id    UUID,
    status           VARCHAR(16)  NOT NULL,
    request          JSONB        NOT NULL,
    progress_pct     INT          NOT NULL,
    result           JSONB,
    error            VARCHAR(1000),
    cancel_requested BOOLEAN      NOT NULL,
    attempt          INT          NOT NULL,
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT simulation_status_chk CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    CONSTRAINT simulation_progress_chk CHECK (progress_pct BETWEEN 0 AND 100)
);

CREATE INDEX simulation_owner_created_idx ON simulation (owner_user_id, created_at DESC, id DESC);
CREATE INDEX simulation_created_idx ON simulation (created_at DESC, id DESC);
CREATE INDEX simulation_assessment_idx ON simulation (assessment_id, created_at DESC);
CREATE INDEX simulation_running_lease_idx ON simulation (status, lease_until);

-- Events written in the same transaction as the simulation change they announce; the relay publishes them.
CREATE TABLE outbox (
    id           UUID         NOT NULL PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    record_key   VARCHAR(100) NOT NULL,
    payload      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_unpublished_idx ON outbox (published_at, created_at);

-- Read model built from core-service's events (applied in seq order per assessment): what a simulation of a live
-- assessment needs — its owner, pinned rule set, phase and initial balance, and its P&L sample.
CREATE TABLE assessment_sample (
    assessment_id     UUID           NOT NULL PRIMARY KEY,
    user_id           UUID           NOT NULL,
    rule_set          JSONB          NOT NULL,
    initial_balance   NUMERIC(28, 8) NOT NULL,
    currency          VARCHAR(8)     NOT NULL,
    phase             INT            NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    last_seq          BIGINT         NOT NULL,
    resimulated_at    TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ    NOT NULL
);

CREATE INDEX assessment_sample_status_idx ON assessment_sample (status);

-- trading.position-closed: realized P&L is gross, fees separate (net = realized_pnl - fees).
CREATE TABLE sample_round_trip (
    assessment_id UUID           NOT NULL,
    position_id   UUID           NOT NULL,
    phase         INT            NOT NULL,
    instrument    VARCHAR(200)   NOT NULL,
    notional      NUMERIC(28, 8) NOT NULL,
    realized_pnl  NUMERIC(28, 8) NOT NULL,
    fees          NUMERIC(28, 8) NOT NULL,
    opened_at     TIMESTAMPTZ    NOT NULL,
    closed_at     TIMESTAMPTZ    NOT NULL,
    seq           BIGINT         NOT NULL,
    PRIMARY KEY (assessment_id, position_id)
);

-- assessment.day-closed
CREATE TABLE sample_day (
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
