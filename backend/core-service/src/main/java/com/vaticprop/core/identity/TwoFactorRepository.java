package com.vaticprop.core.identity;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code user_totp} and {@code recovery_codes}; every method runs in the caller's transaction. */
@Repository
class TwoFactorRepository {

    record TotpRow(UUID userId, String secret, Instant confirmedAt, long lastStep) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TotpRow> find(UUID userId) {
        return jdbc.sql("SELECT user_id, secret, confirmed_at, last_step FROM user_totp WHERE user_id = ?")
                .param(userId).query((rs, n) -> new TotpRow(Sql.uuid(rs, "user_id"), rs.getString("secret"),
                        Sql.instant(rs, "confirmed_at"), rs.getLong("last_step"))).optional();
    }

    /** The row locked until the transaction ends: two logins with codes are checked one after the other. */
    Optional<TotpRow> lock(UUID userId) {
        jdbc.sql("SELECT user_id FROM user_totp WHERE user_id = ? FOR UPDATE").param(userId).query(UUID.class)
                .optional();
        return find(userId);
    }

    /** A pending (unconfirmed) secret, replacing an earlier pending one; a confirmed secret is never replaced. */
    boolean putPending(UUID userId, String secret, Instant now) {
        return jdbc.sql("""
                        INSERT INTO user_totp (user_id, secret, confirmed_at, last_step, created_at, updated_at)
                        VALUES (?, ?, NULL, 0, ?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, updated_at = excluded.updated_at
                        WHERE user_totp.confirmed_at IS NULL""")
                .params(userId, secret, Sql.ts(now), Sql.ts(now)).update() == 1;
    }

    /** A confirmed secret unless the user has one (development seed). */
    boolean insertConfirmedIfAbsent(UUID userId, String secret, Instant now) {
        return jdbc.sql("""
                        INSERT INTO user_totp (user_id, secret, confirmed_at, last_step, created_at, updated_at)
                        VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (user_id) DO NOTHING""")
                .params(userId, secret, Sql.ts(now), Sql.ts(now), Sql.ts(now)).update() == 1;
    }

    void confirm(UUID userId, long step, Instant now) {
        jdbc.sql("UPDATE user_totp SET confirmed_at = ?, last_step = ?, updated_at = ? WHERE user_id = ?")
                .params(Sql.ts(now), step, Sql.ts(now), userId).update();
    }

    void accepted(UUID userId, long step, Instant now) {
        jdbc.sql("UPDATE user_totp SET last_step = ?, updated_at = ? WHERE user_id = ?")
                .params(step, Sql.ts(now), userId).update();
    }

    void replaceRecoveryCodes(UUID userId, Iterable<String> codeHashes, Instant now) {
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        for (String hash : codeHashes) {
            jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)")
                    .params(userId, hash, Sql.ts(now)).update();
        }
    }

    /** Spends an unused recovery code; false if it is unknown or already used. */
    boolean spendRecoveryCode(UUID userId, String codeHash, Instant now) {
        return jdbc.sql("""
                        UPDATE recovery_codes SET used_at = ?
                        WHERE user_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(Sql.ts(now), userId, codeHash).update() == 1;
    }

    int unusedRecoveryCodes(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL").param(userId)
                .query(Integer.class).single();
    }
}
