package com.vaticprop.core.identity;

import com.vaticprop.core.identity.OneTimeTokens.Purpose;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.web.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * TOTP two-factor authentication, required for every ADMIN login. An admin without a confirmed authenticator gets,
 * for a correct password, only a short-lived single-use enrolment token — never an access token — with which they
 * fetch a new secret and confirm it with a first code; the confirmation returns ten single-use recovery codes (shown
 * once, stored as SHA-256). From then on a login needs the password and either a current code (each time step at most
 * once) or an unused recovery code.
 */
public class TwoFactor {

    private static final Logger log = LoggerFactory.getLogger(TwoFactor.class);
    static final String ISSUER = "Vatic Prop";
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a correct password plus the given second factor amounts to. */
    sealed interface Outcome {
        record Passed() implements Outcome { }
        record EnrolmentRequired(String enrolmentToken, Instant expiresAt) implements Outcome { }
        record Missing() implements Outcome { }
        record Wrong() implements Outcome { }
    }

    /** A secret handed out for enrolment. */
    record Enrolment(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "Enrolment[***]";
        }
    }

    private final TwoFactorRepository repository;
    private final OneTimeTokens tokens;
    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration enrolmentTtl;

    TwoFactor(TwoFactorRepository repository, OneTimeTokens tokens, UserRepository users, Transactions transactions,
              Clock clock, Duration enrolmentTtl) {
        this.repository = repository;
        this.tokens = tokens;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
        this.enrolmentTtl = enrolmentTtl;
    }

    /** Checks the second factor of a user whose password was right. */
    Outcome check(User user, String totpCode, String recoveryCode) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<TwoFactorRepository.TotpRow> row = repository.lock(user.id());
            if (row.isEmpty() || !row.get().confirmed()) {
                String token = tokens.issue(user.id(), Purpose.TOTP_ENROL, enrolmentTtl, now);
                return new Outcome.EnrolmentRequired(token, now.plus(enrolmentTtl));
            }
            if (blank(totpCode) && blank(recoveryCode)) {
                return new Outcome.Missing();
            }
            if (!blank(totpCode)) {
                OptionalLong step = Totp.verify(row.get().secret(), totpCode, now, row.get().lastStep());
                if (step.isPresent()) {
                    repository.accepted(user.id(), step.getAsLong(), now);
                    return new Outcome.Passed();
                }
                return new Outcome.Wrong();
            }
            if (repository.spendRecoveryCode(user.id(), hashRecoveryCode(recoveryCode), now)) {
                log.warn("admin login with a recovery code user={} ({} left)", user.id(),
                        repository.unusedRecoveryCodes(user.id()));
                return new Outcome.Passed();
            }
            return new Outcome.Wrong();
        });
    }

    /** A new secret for the admin holding a valid enrolment token (the token stays valid for the confirmation). */
    Enrolment begin(String enrolmentToken) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            User user = tokens.peek(enrolmentToken, Purpose.TOTP_ENROL, now).flatMap(users::findById)
                    .filter(User::active).orElseThrow(TwoFactor::invalidEnrolmentToken);
            String secret = Totp.newSecret();
            if (!repository.putPending(user.id(), secret, now)) {
                throw alreadyEnrolled();
            }
            return new Enrolment(secret, Totp.otpauthUri(ISSUER, user.email(), secret));
        });
    }

    /** Confirms the pending secret with a code from the authenticator; returns the user and new recovery codes. */
    record Confirmed(User user, List<String> recoveryCodes) {
    }

    Confirmed confirm(String enrolmentToken, String code) {
        Confirmed confirmed = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            UUID userId = tokens.peek(enrolmentToken, Purpose.TOTP_ENROL, now)
                    .orElseThrow(TwoFactor::invalidEnrolmentToken);
            TwoFactorRepository.TotpRow row = repository.lock(userId).orElseThrow(() -> new ApiProblemException(
                    HttpStatus.CONFLICT, "totp-enrolment-not-started", "Fetch a secret first (POST /auth/totp/enrolment)."));
            if (row.confirmed()) {
                throw alreadyEnrolled();
            }
            OptionalLong step = Totp.verify(row.secret(), code, now, row.lastStep());
            if (step.isEmpty()) {
                return null;
            }
            tokens.spend(enrolmentToken, Purpose.TOTP_ENROL, now);
            repository.confirm(userId, step.getAsLong(), now);
            List<String> codes = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < RECOVERY_CODES; i++) {
                String c = newRecoveryCode();
                codes.add(c);
                hashes.add(hashRecoveryCode(c));
            }
            repository.replaceRecoveryCodes(userId, hashes, now);
            return new Confirmed(users.findById(userId).orElseThrow(), codes);
        });
        if (confirmed == null) {
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid-second-factor",
                    "The code is wrong or expired; enter the current code from your authenticator.");
        }
        log.info("TOTP enrolled user={}", confirmed.user().id());
        return confirmed;
    }

    /** Gives a (seeded) account a confirmed secret unless it has one; true when set. */
    public boolean enrolIfAbsent(UUID userId, String base32Secret) {
        Base32.decode(base32Secret);
        return transactions.inTransaction(() -> repository.insertConfirmedIfAbsent(userId, base32Secret,
                clock.instant()));
    }

    /** Ten characters of base32 in two groups (50 bits), e.g. {@code K7Q2M-XW4PD}. */
    private static String newRecoveryCode() {
        byte[] bytes = new byte[7];
        RANDOM.nextBytes(bytes);
        String code = Base32.encode(bytes).substring(0, 10);
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    static String hashRecoveryCode(String code) {
        return RefreshTokens.hash(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ApiProblemException invalidEnrolmentToken() {
        return new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid-enrolment-token",
                "The enrolment token is invalid, expired or already used; log in again.");
    }

    private static ApiProblemException alreadyEnrolled() {
        return new ApiProblemException(HttpStatus.CONFLICT, "totp-already-enrolled",
                "Two-factor authentication is already set up for this account.");
    }
}
