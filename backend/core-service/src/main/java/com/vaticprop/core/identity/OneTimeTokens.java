package com.vaticprop.core.identity;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use, expiring tokens (e-mail verification, password reset, TOTP enrolment): 256 random bits handed out once,
 * only their SHA-256 stored. Spending one is a single conditional UPDATE, so two concurrent uses cannot both succeed.
 */
@Repository
class OneTimeTokens {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD, TOTP_ENROL }

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new token for the user and returns it in clear (the only time it exists in clear). */
    String issue(UUID userId, Purpose purpose, Duration ttl, Instant now) {
        String token = RefreshTokens.newToken();
        jdbc.sql("""
                        INSERT INTO one_time_tokens (id, user_id, purpose, token_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), userId, purpose.name(), RefreshTokens.hash(token), Sql.ts(now),
                        Sql.ts(now.plus(ttl)))
                .update();
        return token;
    }

    /** The user of a valid (unspent, unexpired) token, without spending it. */
    Optional<UUID> peek(String token, Purpose purpose, Instant now) {
        return jdbc.sql("""
                        SELECT user_id FROM one_time_tokens
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(RefreshTokens.hash(token), purpose.name(), Sql.ts(now)).query(UUID.class).optional();
    }

    /** Spends the token if it is valid; returns its user. A spent, expired or unknown token yields empty. */
    Optional<UUID> spend(String token, Purpose purpose, Instant now) {
        return jdbc.sql("""
                        UPDATE one_time_tokens SET used_at = ?
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING user_id""")
                .params(Sql.ts(now), RefreshTokens.hash(token), purpose.name(), Sql.ts(now))
                .query(UUID.class).optional();
    }

    /** Spends every outstanding token of the user for this purpose (e.g. older reset links after a reset). */
    void spendAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(Sql.ts(now), userId, purpose.name()).update();
    }
}
