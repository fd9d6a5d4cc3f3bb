-- core-service schema, first version: identity, tiers, purchases, assessments, trading, rules, outbox.
-- Portable to CockroachDB: ids are UUIDs generated in Java, timestamps are written by the application (no DEFAULT
-- now()), no SERIAL/sequences, no triggers, functions or advisory locks. Money, prices, quantities: NUMERIC(20,8).
-- Enumerations are VARCHAR with CHECK constraints, so a later migration can add a value with one statement.

-- ---------------------------------------------------------------------------------------------------------------
-- Identity
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE users (
    id            UUID         NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,           -- normalised: trimmed, NFC, lower case
    password_hash VARCHAR(255) NOT NULL,           -- Argon2id, PHC string format
    display_name  VARCHAR(100),
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('TRADER', 'ADMIN')),
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

-- One row per refresh token. A login starts a family; every refresh rotates: the presented row gets rotated_at and
-- replaced_by, a new row of the same family is inserted. Presenting a rotated token again revokes the whole family.
CREATE TABLE sessions (
    id             UUID        NOT NULL PRIMARY KEY,
    user_id        UUID        NOT NULL REFERENCES users (id),
    family_id      UUID        NOT NULL,
    token_hash     VARCHAR(64) NOT NULL,           -- hex SHA-256 of the opaque refresh token; the token is never stored
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    rotated_at     TIMESTAMPTZ,
    replaced_by    UUID,
    revoked_at     TIMESTAMPTZ,
    revoked_reason VARCHAR(16) CHECK (revoked_reason IN ('LOGOUT', 'REUSE', 'ADMIN', 'PASSWORD')),
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash)
);

CREATE INDEX sessions_family_idx ON sessions (family_id);
CREATE INDEX sessions_user_idx ON sessions (user_id, created_at);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- JWT signing keys. In development the generated key (private part included) lives here so that restarts and
-- replicas keep verifying; in production the private keys come from JWT_SIGNING_KEYS / Secrets Manager and are not
-- stored. A retired key stays in the JWKS until verify_until (the expiry of the last token it signed).
CREATE TABLE signing_keys (
    kid          VARCHAR(64)  NOT NULL PRIMARY KEY,  -- RFC 7638 JWK thumbprint
    algorithm    VARCHAR(10)  NOT NULL CHECK (algorithm IN ('ES256', 'RS256')),
    public_jwk   TEXT         NOT NULL,
    private_jwk  TEXT,
    source       VARCHAR(16)  NOT NULL CHECK (source IN ('DEVELOPMENT', 'IMPORTED')),
    created_at   TIMESTAMPTZ  NOT NULL,
    activated_at TIMESTAMPTZ  NOT NULL,
    retired_at   TIMESTAMPTZ,
    verify_until TIMESTAMPTZ
);

CREATE INDEX signing_keys_activated_idx ON signing_keys (activated_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Tiers and purchases
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE tiers (
    id              UUID         NOT NULL PRIMARY KEY,
    slug            VARCHAR(64)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    current_version INT          NOT NULL CHECK (current_version >= 1),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT tiers_slug_key UNIQUE (slug)
);

CREATE INDEX tiers_active_idx ON tiers (active);

-- Immutable: editing a tier inserts a new version; purchases and assessments pin (tier_id, version).
CREATE TABLE tier_versions (
    tier_id     UUID           NOT NULL REFERENCES tiers (id),
    version     INT            NOT NULL CHECK (version >= 1),
    name        VARCHAR(100)   NOT NULL,
    description TEXT,
    price       NUMERIC(20, 8) NOT NULL CHECK (price >= 0),
    currency    CHAR(3)        NOT NULL,
    reset_price NUMERIC(20, 8) CHECK (reset_price >= 0),
    rule_set    JSONB          NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL,
    created_by  UUID REFERENCES users (id),
    PRIMARY KEY (tier_id, version)
);

CREATE TABLE purchases (
    id                         UUID           NOT NULL PRIMARY KEY,
    user_id                    UUID           NOT NULL REFERENCES users (id),
    tier_id                    UUID           NOT NULL,
    tier_version               INT            NOT NULL,
    amount                     NUMERIC(20, 8) NOT NULL CHECK (amount >= 0),  -- what the purchase expects to be paid
    currency                   CHAR(3)        NOT NULL,
    status                     VARCHAR(16)    NOT NULL
        CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED', 'EXPIRED', 'REFUNDED')),
    payment_method             VARCHAR(16)    NOT NULL CHECK (payment_method IN ('STRIPE', 'DEVELOPMENT')),
    stripe_checkout_session_id VARCHAR(255),
    stripe_payment_intent_id   VARCHAR(255),
    checkout_url               TEXT,
    failure_reason             VARCHAR(255),
    created_at                 TIMESTAMPTZ    NOT NULL,
    updated_at                 TIMESTAMPTZ    NOT NULL,
    completed_at               TIMESTAMPTZ,
    refunded_at                TIMESTAMPTZ,
    CONSTRAINT purchases_tier_version_fk FOREIGN KEY (tier_id, tier_version) REFERENCES tier_versions (tier_id, version),
    CONSTRAINT purchases_checkout_session_key UNIQUE (stripe_checkout_session_id),
    CONSTRAINT purchases_payment_intent_key UNIQUE (stripe_payment_intent_id)
);

CREATE INDEX purchases_user_idx ON purchases (user_id, created_at);

-- Stripe webhook events already handled: the event id makes replays and out-of-order duplicates no-ops.
CREATE TABLE stripe_events (
    id           VARCHAR(255) NOT NULL PRIMARY KEY,  -- evt_…
    type         VARCHAR(100) NOT NULL,
    purchase_id  UUID REFERENCES purchases (id),
    payload      JSONB        NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL,
    processed_at TIMESTAMPTZ,
    outcome      VARCHAR(64)
);

CREATE INDEX stripe_events_purchase_idx ON stripe_events (purchase_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Assessments, accounts, trading
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE assessments (
    id             UUID         NOT NULL PRIMARY KEY,
    user_id        UUID         NOT NULL REFERENCES users (id),
    purchase_id    UUID REFERENCES purchases (id),
    tier_id        UUID         NOT NULL,
    tier_version   INT          NOT NULL,
    rule_set       JSONB        NOT NULL,  -- the full rule set, pinned at purchase
    status         VARCHAR(16)  NOT NULL
        CHECK (status IN ('CREATED', 'ACTIVE', 'PAUSED', 'PASSED', 'FAILED', 'ABANDONED')),
    phase_index    INT          NOT NULL CHECK (phase_index >= 0),
    phase_name     VARCHAR(64)  NOT NULL,
    result_reason  VARCHAR(32),  -- TARGET_MET | DAILY_LOSS | MAX_LOSS | TIME_LIMIT | INACTIVITY | ADMIN
    abandon_reason VARCHAR(16) CHECK (abandon_reason IN ('TRADER', 'REFUND', 'ADMIN')),
    funded_eligible BOOLEAN     NOT NULL,
    last_seq       BIGINT       NOT NULL CHECK (last_seq >= 0),  -- the outbox seq of this assessment's last event
    version        BIGINT       NOT NULL,                        -- optimistic concurrency
    created_at     TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    ended_at       TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT assessments_tier_version_fk FOREIGN KEY (tier_id, tier_version) REFERENCES tier_versions (tier_id, version),
    CONSTRAINT assessments_purchase_key UNIQUE (purchase_id)
);

CREATE INDEX assessments_user_idx ON assessments (user_id, created_at);
CREATE INDEX assessments_status_idx ON assessments (status);

-- One virtual account per assessment phase (a two-step assessment gets a new account when phase 1 passes).
CREATE TABLE virtual_accounts (
    id              UUID           NOT NULL PRIMARY KEY,
    assessment_id   UUID           NOT NULL REFERENCES assessments (id),
    phase_index     INT            NOT NULL CHECK (phase_index >= 0),
    currency        CHAR(3)        NOT NULL,
    initial_balance NUMERIC(20, 8) NOT NULL,
    balance         NUMERIC(20, 8) NOT NULL,
    realized_pnl    NUMERIC(20, 8) NOT NULL,
    fees_paid       NUMERIC(20, 8) NOT NULL,
    engine_state    JSONB,  -- the trading engine's account/rule state snapshot (day anchors, floors, trading days)
    state_version   BIGINT         NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    closed_at       TIMESTAMPTZ,
    CONSTRAINT virtual_accounts_phase_key UNIQUE (assessment_id, phase_index)
);

CREATE TABLE orders (
    id              UUID           NOT NULL PRIMARY KEY,
    assessment_id   UUID           NOT NULL REFERENCES assessments (id),
    account_id      UUID           NOT NULL REFERENCES virtual_accounts (id),
    instrument      VARCHAR(200)   NOT NULL,
    side            VARCHAR(4)     NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type            VARCHAR(16)    NOT NULL CHECK (type IN ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT')),
    qty             NUMERIC(20, 8) NOT NULL CHECK (qty > 0),
    limit_price     NUMERIC(20, 8),
    stop_price      NUMERIC(20, 8),
    tif             VARCHAR(8)     NOT NULL,
    reduce_only     BOOLEAN        NOT NULL,
    status          VARCHAR(20)    NOT NULL
        CHECK (status IN ('PENDING', 'OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED')),
    filled_qty      NUMERIC(20, 8) NOT NULL,
    avg_fill_price  NUMERIC(20, 8),
    reject_check    VARCHAR(64),
    reject_reason   VARCHAR(500),
    idempotency_key VARCHAR(255)   NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    CONSTRAINT orders_idempotency_key UNIQUE (assessment_id, idempotency_key)
);

CREATE INDEX orders_assessment_idx ON orders (assessment_id, created_at);
CREATE INDEX orders_status_idx ON orders (assessment_id, status);

-- A round trip: opened by a fill, closed when its quantity returns to zero.
CREATE TABLE positions (
    id            UUID           NOT NULL PRIMARY KEY,
    assessment_id UUID           NOT NULL REFERENCES assessments (id),
    account_id    UUID           NOT NULL REFERENCES virtual_accounts (id),
    instrument    VARCHAR(200)   NOT NULL,
    side          VARCHAR(5)     NOT NULL CHECK (side IN ('LONG', 'SHORT')),
    qty           NUMERIC(20, 8) NOT NULL,
    avg_entry     NUMERIC(20, 8) NOT NULL,
    exit_price    NUMERIC(20, 8),
    realized_pnl  NUMERIC(20, 8) NOT NULL,
    fees          NUMERIC(20, 8) NOT NULL,
    status        VARCHAR(8)     NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at     TIMESTAMPTZ    NOT NULL,
    closed_at     TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ    NOT NULL
);

CREATE INDEX positions_account_idx ON positions (account_id, status);
CREATE INDEX positions_assessment_idx ON positions (assessment_id, opened_at);
-- at most one open position per account and instrument
CREATE UNIQUE INDEX positions_open_key ON positions (account_id, instrument) WHERE status = 'OPEN';

-- A trade is one fill; it keeps the quote it used as dispute evidence.
CREATE TABLE trades (
    id            UUID           NOT NULL PRIMARY KEY,
    assessment_id UUID           NOT NULL REFERENCES assessments (id),
    account_id    UUID           NOT NULL REFERENCES virtual_accounts (id),
    order_id      UUID           NOT NULL REFERENCES orders (id),
    position_id   UUID REFERENCES positions (id),
    instrument    VARCHAR(200)   NOT NULL,
    side          VARCHAR(4)     NOT NULL CHECK (side IN ('BUY', 'SELL')),
    qty           NUMERIC(20, 8) NOT NULL CHECK (qty > 0),
    price         NUMERIC(20, 8) NOT NULL,
    fee           NUMERIC(20, 8) NOT NULL,
    notional      NUMERIC(20, 8) NOT NULL,
    quote         JSONB          NOT NULL,  -- {venue, venueSeq, bid, ask, venueTs, receivedTs}
    executed_at   TIMESTAMPTZ    NOT NULL
);

CREATE INDEX trades_assessment_idx ON trades (assessment_id, executed_at);
CREATE INDEX trades_order_idx ON trades (order_id);
CREATE INDEX trades_position_idx ON trades (position_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------------------------------------------------

-- Persisted on fills, day rolls, breaches and state changes, plus the latest per rule at most every 10 s.
CREATE TABLE rule_checks (
    id            UUID           NOT NULL PRIMARY KEY,
    assessment_id UUID           NOT NULL REFERENCES assessments (id),
    account_id    UUID           NOT NULL REFERENCES virtual_accounts (id),
    rule          VARCHAR(48)    NOT NULL,
    reason        VARCHAR(16)    NOT NULL CHECK (reason IN ('FILL', 'DAY_ROLL', 'BREACH', 'STATE', 'PERIODIC')),
    outcome       VARCHAR(16)    NOT NULL CHECK (outcome IN ('OK', 'WARNING', 'BREACHED', 'MET')),
    value         NUMERIC(20, 8),
    limit_value   NUMERIC(20, 8),
    distance      NUMERIC(20, 8),
    distance_pct  NUMERIC(20, 8),
    explanation   JSONB          NOT NULL,
    quote         JSONB,
    checked_at    TIMESTAMPTZ    NOT NULL
);

CREATE INDEX rule_checks_assessment_idx ON rule_checks (assessment_id, checked_at);
CREATE INDEX rule_checks_rule_idx ON rule_checks (assessment_id, rule, checked_at);

CREATE TABLE violations (
    id            UUID         NOT NULL PRIMARY KEY,
    assessment_id UUID         NOT NULL REFERENCES assessments (id),
    account_id    UUID         NOT NULL REFERENCES virtual_accounts (id),
    rule          VARCHAR(48)  NOT NULL,
    explanation   JSONB        NOT NULL,  -- {inputs, threshold, value, anchor, zone}
    quote         JSONB,
    detected_at   TIMESTAMPTZ  NOT NULL,
    voided_at     TIMESTAMPTZ,
    voided_by     UUID REFERENCES users (id),
    void_reason   VARCHAR(500)
);

CREATE INDEX violations_assessment_idx ON violations (assessment_id, detected_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Messaging and idempotency
-- ---------------------------------------------------------------------------------------------------------------

-- Transactional outbox. Assessment-keyed events carry the assessment's next seq (assessments.last_seq + 1, taken in
-- the same transaction); the relay publishes each assessment's rows in seq order and stamps published_at.
CREATE TABLE outbox (
    id            UUID         NOT NULL PRIMARY KEY,  -- also the event envelope id
    assessment_id UUID,
    seq           BIGINT,
    topic         VARCHAR(100) NOT NULL,
    event_key     VARCHAR(255) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    payload       JSONB        NOT NULL,              -- the full envelope
    created_at    TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INT          NOT NULL,
    last_error    VARCHAR(500),
    CONSTRAINT outbox_seq_key UNIQUE (assessment_id, seq),
    CONSTRAINT outbox_seq_with_assessment CHECK (seq IS NULL OR assessment_id IS NOT NULL)
);

CREATE INDEX outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;

-- Idempotency-Key header of mutating requests: the first answer is stored and replayed for the same key.
CREATE TABLE idempotency_keys (
    user_id         UUID         NOT NULL REFERENCES users (id),
    scope           VARCHAR(100) NOT NULL,  -- e.g. "POST /purchases"
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,  -- hex SHA-256 of the request body: same key, other body → 422
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, scope, idem_key)
);

CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
