-- Issue 10: e-mail verification, password reset and TOTP two-factor authentication for admins.

-- Set when the user proved control of the mailbox (the verification link, or a completed password reset).
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;

-- Single-use, expiring tokens sent by e-mail (or handed to an admin who must enrol TOTP). Only the SHA-256 of a token
-- is stored; used_at marks it spent, so a second use is refused.
CREATE TABLE one_time_tokens (
    id         UUID        NOT NULL PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id),
    purpose    VARCHAR(16) NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'TOTP_ENROL')),
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    CONSTRAINT one_time_tokens_hash_key UNIQUE (token_hash)
);

CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose);

-- An admin's TOTP secret (RFC 6238, base32). confirmed_at is set once a code from the authenticator was accepted;
-- last_step is the time step of the last accepted code, so a code is never accepted twice (RFC 6238 section 5.2).
CREATE TABLE user_totp (
    user_id      UUID        NOT NULL PRIMARY KEY REFERENCES users (id),
    secret       VARCHAR(64) NOT NULL,
    confirmed_at TIMESTAMPTZ,
    last_step    BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Single-use recovery codes for a lost authenticator, stored as SHA-256.
CREATE TABLE recovery_codes (
    user_id    UUID        NOT NULL REFERENCES users (id),
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);
