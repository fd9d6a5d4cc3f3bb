package com.vaticprop.core.identity;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity side of an account deletion, run inside the caller's transaction: the user row keeps its id (which
 * purchases, assessments and the audit trail reference) but loses everything personal — the e-mail becomes
 * {@code deleted-<id>@deleted.invalid} (RFC 2606 reserves {@code .invalid}), the display name and password hash go,
 * the status becomes DISABLED — and sessions are revoked, one-time tokens, TOTP secret and recovery codes deleted.
 */
@Component
public class AccountErasure {

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder passwords;

    AccountErasure(JdbcClient jdbc, UserRepository users, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
    }

    /** True if the active user with this id has this password (an Argon2 verification either way). */
    public boolean passwordMatches(UUID userId, String password) {
        Optional<User> user = users.findById(userId).filter(User::active);
        String hash = user.map(User::passwordHash).orElse(passwords.encode(RefreshTokens.newToken()));
        return password != null && passwords.matches(password, hash) && user.isPresent();
    }

    /** The user's role, if the account exists and is not deleted. */
    public Optional<String> activeRole(UUID userId) {
        return users.findById(userId).filter(User::active).map(u -> u.role().name());
    }

    public void erase(UUID userId, Instant now) {
        jdbc.sql("""
                        UPDATE users SET email = ?, display_name = NULL, password_hash = ?, status = 'DISABLED',
                               email_verified_at = NULL, deleted_at = ?, updated_at = ?
                        WHERE id = ?""")
                // not a PHC string: no password ever matches it
                .params("deleted-" + userId + "@deleted.invalid", "!deleted", Sql.ts(now), Sql.ts(now), userId)
                .update();
        jdbc.sql("""
                        UPDATE sessions SET revoked_at = ?, revoked_reason = 'ADMIN'
                        WHERE user_id = ? AND revoked_at IS NULL""").params(Sql.ts(now), userId).update();
        jdbc.sql("DELETE FROM one_time_tokens WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM user_totp WHERE user_id = ?").param(userId).update();
    }
}
