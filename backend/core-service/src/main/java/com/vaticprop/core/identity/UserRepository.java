package com.vaticprop.core.identity;

import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, password_hash, display_name, role, status, created_at, "
            + "email_verified_at";

    private static final RowMapper<User> MAPPER = (rs, n) -> new User(
            Sql.uuid(rs, "id"), rs.getString("email"), rs.getString("password_hash"), rs.getString("display_name"),
            Role.valueOf(rs.getString("role")), rs.getString("status"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "email_verified_at"));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the user unless the e-mail is taken; false when it is. */
    boolean insertIfEmailFree(User user, Instant now) {
        return jdbc.sql("""
                        INSERT INTO users (id, email, password_hash, display_name, role, status, created_at, updated_at)
                        VALUES (:id, :email, :hash, :name, :role, :status, :now, :now)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", user.id())
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("name", user.displayName())
                .param("role", user.role().name())
                .param("status", user.status())
                .param("now", Sql.ts(now))
                .update() == 1;
    }

    Optional<User> findByEmail(String normalisedEmail) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", normalisedEmail).query(MAPPER).optional();
    }

    Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    void updatePasswordHash(UUID id, String hash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", hash).param("now", Sql.ts(now)).param("id", id).update();
    }

    /** Marks the e-mail verified unless it already is; true when it changed. */
    boolean markEmailVerified(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE users SET email_verified_at = :now, updated_at = :now
                        WHERE id = :id AND email_verified_at IS NULL""")
                .param("now", Sql.ts(now)).param("id", id).update() == 1;
    }
}
