package com.vaticprop.core.identity;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
class SessionRepository {

    private static final RowMapper<Session> MAPPER = (rs, n) -> new Session(
            Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"), Sql.uuid(rs, "family_id"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "expires_at"), Sql.instant(rs, "rotated_at"), Sql.instant(rs, "revoked_at"));

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Session session, String tokenHash) {
        jdbc.sql("""
                        INSERT INTO sessions (id, user_id, family_id, token_hash, created_at, expires_at)
                        VALUES (:id, :user, :family, :hash, :created, :expires)""")
                .param("id", session.id())
                .param("user", session.userId())
                .param("family", session.familyId())
                .param("hash", tokenHash)
                .param("created", Sql.ts(session.createdAt()))
                .param("expires", Sql.ts(session.expiresAt()))
                .update();
    }

    /** The session of a refresh token, locked for the rest of the transaction. */
    Optional<Session> findByTokenHashForUpdate(String tokenHash) {
        return jdbc.sql("""
                        SELECT id, user_id, family_id, created_at, expires_at, rotated_at, revoked_at
                        FROM sessions WHERE token_hash = :hash FOR UPDATE""")
                .param("hash", tokenHash).query(MAPPER).optional();
    }

    void markRotated(UUID id, UUID replacedBy, Instant now) {
        jdbc.sql("UPDATE sessions SET rotated_at = :now, replaced_by = :next WHERE id = :id")
                .param("now", Sql.ts(now)).param("next", replacedBy).param("id", id).update();
    }

    /** Revokes every not yet revoked token of the family; returns how many. */
    int revokeFamily(UUID familyId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
                        WHERE family_id = :family AND revoked_at IS NULL""")
                .param("now", Sql.ts(now)).param("reason", reason).param("family", familyId).update();
    }

    /** Revokes every live refresh token of the user (after a password reset, or when the account is deleted). */
    int revokeAllOfUser(UUID userId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
                        WHERE user_id = :user AND revoked_at IS NULL""")
                .param("now", Sql.ts(now)).param("reason", reason).param("user", userId).update();
    }
}
