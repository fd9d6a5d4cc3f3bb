package com.vaticprop.core.identity;

import com.vaticprop.core.identity.OneTimeTokens.Purpose;
import com.vaticprop.core.mail.Mailer;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * E-mail verification and password reset by single-use, expiring tokens sent by mail. The requests that take an
 * e-mail address ("send me a link") answer the same for registered and unknown addresses and send in the background,
 * so they reveal nothing about who has an account. A completed reset revokes every session of the account and every
 * other reset link, and counts as a verification of the address (the user read mail sent to it).
 */
public class AccountRecovery {

    private static final Logger log = LoggerFactory.getLogger(AccountRecovery.class);

    static final String INVALID_TOKEN = "The link is invalid, expired or already used; ask for a new one.";

    /** Token lifetimes and the base URL of the links in the mails. */
    public record Settings(Duration verificationTtl, Duration resetTtl, String appUrl) {
    }

    private final UserRepository users;
    private final SessionRepository sessions;
    private final OneTimeTokens tokens;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final Transactions transactions;
    private final Clock clock;
    private final Settings settings;
    private final MailQuota quota;
    private final java.util.concurrent.ExecutorService background =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    AccountRecovery(UserRepository users, SessionRepository sessions, OneTimeTokens tokens, PasswordEncoder passwords,
                    Mailer mailer, Transactions transactions, Clock clock, Settings settings, MailQuota quota) {
        this.quota = quota;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Sends the verification mail of a newly registered account (within the address's mail quota). */
    void sendVerification(User user) {
        if (!quota.take(user.email())) {
            log.warn("verification mail not sent: mail quota of the address reached, user={}", user.id());
            return;
        }
        String token = transactions.inTransaction(() ->
                tokens.issue(user.id(), Purpose.VERIFY_EMAIL, settings.verificationTtl(), clock.instant()));
        mailer.send(user.email(), "Confirm your e-mail address for Vatic Prop", """
                Welcome to Vatic Prop.

                Confirm your e-mail address by opening this link (valid %d hours):
                %s/verify-email?token=%s

                If you did not sign up, ignore this message.
                """.formatted(settings.verificationTtl().toHours(), settings.appUrl(), token));
    }

    /**
     * A new verification mail for an unverified account; unknown or verified addresses: nothing. Done in the
     * background, so the caller's answer (and its timing) is the same either way.
     */
    void resendVerification(String email) {
        background(() -> findActive(email).filter(u -> u.emailVerifiedAt() == null).ifPresent(this::sendVerification));
    }

    void verifyEmail(String token) {
        boolean verified = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<UUID> user = tokens.spend(token, Purpose.VERIFY_EMAIL, now);
            user.ifPresent(id -> users.markEmailVerified(id, now));
            user.ifPresent(id -> log.info("e-mail verified user={}", id));
            return user.isPresent();
        });
        if (!verified) {
            throw invalidToken();
        }
    }

    /**
     * Mails a reset link to an active account; for an unknown address nothing happens. Done in the background, so
     * the caller's answer (and its timing) is the same either way.
     */
    void requestReset(String email) {
        background(() -> findActive(email).ifPresent(user -> {
            if (!quota.take(user.email())) {
                log.warn("reset mail not sent: mail quota of the address reached, user={}", user.id());
                return;
            }
            String token = transactions.inTransaction(() ->
                    tokens.issue(user.id(), Purpose.RESET_PASSWORD, settings.resetTtl(), clock.instant()));
            log.info("password reset requested user={}", user.id());
            mailer.send(user.email(), "Reset your Vatic Prop password", """
                    Someone (hopefully you) asked to reset the password of your Vatic Prop account.

                    Choose a new password by opening this link (valid %d minutes, usable once):
                    %s/reset-password?token=%s

                    If you did not ask for this, ignore this message: your password stays as it is.
                    """.formatted(settings.resetTtl().toMinutes(), settings.appUrl(), token));
        }));
    }

    private void background(Runnable work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("account mail request failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    /**
     * Sets the new password if the token is valid. A password the policy refuses leaves the token unspent (the user
     * may try another one); on success every session of the account is revoked.
     */
    void confirmReset(String token, String newPassword) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new FieldErrorsException(List.of(new FieldError("newPassword", "is required")));
        }
        Instant checkedAt = clock.instant();
        User user = tokens.peek(token, Purpose.RESET_PASSWORD, checkedAt).flatMap(users::findById)
                .filter(User::active).orElseThrow(AccountRecovery::invalidToken);
        String problem = PasswordPolicy.Validator.problem(newPassword, user.email());
        if (problem != null) {
            throw new FieldErrorsException(List.of(new FieldError("newPassword", problem)));
        }
        String hash = passwords.encode(newPassword);
        boolean done = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<UUID> spent = tokens.spend(token, Purpose.RESET_PASSWORD, now);
            if (spent.isEmpty() || !spent.get().equals(user.id())) {
                return false;
            }
            users.updatePasswordHash(user.id(), hash, now);
            users.markEmailVerified(user.id(), now);
            tokens.spendAll(user.id(), Purpose.RESET_PASSWORD, now);
            sessions.revokeAllOfUser(user.id(), "PASSWORD", now);
            return true;
        });
        if (!done) {
            throw invalidToken();
        }
        log.info("password reset user={} (sessions revoked)", user.id());
    }

    private Optional<User> findActive(String email) {
        if (email == null || !EmailAddresses.valid(email)) {
            return Optional.empty();
        }
        return users.findByEmail(EmailAddresses.normalise(email)).filter(User::active);
    }

    private static ApiProblemException invalidToken() {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid-token", INVALID_TOKEN);
    }
}
