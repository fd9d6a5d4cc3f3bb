package com.vaticprop.core.identity;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
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
 * Registration, login, refresh-token rotation and logout. Passwords are Argon2id; refresh tokens are opaque and stored
 * as SHA-256. Log lines name user ids only — never an e-mail, password or token.
 */
public class IdentityService {

    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);

    static final String INVALID_CREDENTIALS = "The e-mail address or the password is wrong.";
    static final String INVALID_REFRESH = "The refresh token is invalid, expired or revoked; log in again.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final LoginRateLimiter rateLimiter;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration refreshTtl;
    private final TwoFactor twoFactor;
    private final AccountRecovery recovery;
    /** Verified against when the e-mail is unknown, so both answers cost one Argon2 verification. */
    private final String dummyHash;

    IdentityService(UserRepository users, SessionRepository sessions, PasswordEncoder passwords,
                    AccessTokens accessTokens, LoginRateLimiter rateLimiter, Transactions transactions, Clock clock,
                    Duration refreshTtl, TwoFactor twoFactor, AccountRecovery recovery) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.rateLimiter = rateLimiter;
        this.transactions = transactions;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
        this.twoFactor = twoFactor;
        this.recovery = recovery;
        this.dummyHash = passwords.encode(RefreshTokens.newToken());
    }

    User register(RegisterRequest request) {
        String email = EmailAddresses.normalise(request.email());
        String displayName = request.displayName() == null || request.displayName().isBlank() ? null
                : request.displayName().trim();
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID(), email, passwords.encode(request.password()), displayName, Role.TRADER,
                "ACTIVE", now);
        boolean created = transactions.inTransaction(() -> users.insertIfEmailFree(user, now));
        if (!created) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "email-taken",
                    "An account with this e-mail address already exists.");
        }
        log.info("user registered id={}", user.id());
        recovery.sendVerification(user);
        return user;
    }

    TokenResponse login(LoginRequest request, String clientIp) {
        String email = EmailAddresses.normalise(request.email());
        rateLimiter.beforeAttempt(email, clientIp);
        Optional<User> found = users.findByEmail(email);
        boolean matches = passwords.matches(request.password(), found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches || !found.get().active()) {
            rateLimiter.failed(email);
            log.info("login refused{}", found.map(u -> " user=" + u.id()).orElse(" (unknown account)"));
            throw invalidCredentials();
        }
        User user = found.get();
        if (user.role() == Role.ADMIN) {
            secondFactor(user, email, request);
        }
        rateLimiter.succeeded(email);
        if (passwords.upgradeEncoding(user.passwordHash())) {
            String upgraded = passwords.encode(request.password());
            transactions.run(() -> users.updatePasswordHash(user.id(), upgraded, clock.instant()));
        }
        TokenResponse tokens = tokens(transactions.inTransaction(() -> startSession(user, UUID.randomUUID())));
        log.info("login user={}", user.id());
        return tokens;
    }

    /**
     * ADMIN logins need a second factor: a TOTP code or a recovery code. Without an enrolled authenticator the answer
     * is 403 with a single-use enrolment token (no access token); a wrong code counts as a failed login.
     */
    private void secondFactor(User user, String email, LoginRequest request) {
        switch (twoFactor.check(user, request.totpCode(), request.recoveryCode())) {
            case TwoFactor.Outcome.Passed p -> {
            }
            case TwoFactor.Outcome.EnrolmentRequired e -> {
                log.info("admin login needs TOTP enrolment user={}", user.id());
                throw new ApiProblemException(HttpStatus.FORBIDDEN, "totp-enrolment-required",
                        "Administrators must set up two-factor authentication: use the enrolment token with "
                                + "POST /auth/totp/enrolment, then confirm a code.")
                        .with("enrolmentToken", e.enrolmentToken()).with("expiresAt", e.expiresAt().toString());
            }
            case TwoFactor.Outcome.Missing m -> throw new ApiProblemException(HttpStatus.UNAUTHORIZED,
                    "totp-required", "This account needs a code from its authenticator (totpCode) or a recovery "
                    + "code (recoveryCode).");
            case TwoFactor.Outcome.Wrong w -> {
                rateLimiter.failed(email);
                log.info("admin login refused: wrong second factor user={}", user.id());
                throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid-second-factor",
                        "The authenticator code or recovery code is wrong, expired or already used.");
            }
        }
    }

    /** Tokens for a user who has just completed TOTP enrolment (password and first code checked). */
    TokenResponse signIn(User user) {
        TokenResponse tokens = tokens(transactions.inTransaction(() -> startSession(user, UUID.randomUUID())));
        log.info("login user={} (after TOTP enrolment)", user.id());
        return tokens;
    }

    private enum RefreshOutcome { ROTATED, REUSED, INVALID }

    TokenResponse refresh(String refreshToken) {
        String hash = RefreshTokens.hash(refreshToken);
        record Result(RefreshOutcome outcome, NewSession next, UUID userId) {
        }
        Result result = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Session> found = sessions.findByTokenHashForUpdate(hash);
            if (found.isEmpty()) {
                return new Result(RefreshOutcome.INVALID, null, null);
            }
            Session session = found.get();
            if (session.revokedAt() != null || !session.expiresAt().isAfter(now)) {
                return new Result(RefreshOutcome.INVALID, null, session.userId());
            }
            if (session.rotatedAt() != null) {
                sessions.revokeFamily(session.familyId(), "REUSE", now);
                return new Result(RefreshOutcome.REUSED, null, session.userId());
            }
            Optional<User> user = users.findById(session.userId()).filter(User::active);
            if (user.isEmpty()) {
                sessions.revokeFamily(session.familyId(), "ADMIN", now);
                return new Result(RefreshOutcome.INVALID, null, session.userId());
            }
            NewSession next = startSession(user.get(), session.familyId());
            sessions.markRotated(session.id(), next.id(), now);
            return new Result(RefreshOutcome.ROTATED, next, session.userId());
        });
        switch (result.outcome()) {
            case ROTATED -> {
                return tokens(result.next());
            }
            case REUSED -> log.warn("refresh token reused: token family revoked, user={}", result.userId());
            case INVALID -> log.info("refresh refused{}",
                    result.userId() == null ? " (unknown token)" : " user=" + result.userId());
        }
        throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", INVALID_REFRESH);
    }

    /** Revokes the family of the given refresh token if it belongs to the user; unknown tokens are ignored. */
    void logout(UUID userId, String refreshToken) {
        String hash = RefreshTokens.hash(refreshToken);
        transactions.run(() -> sessions.findByTokenHashForUpdate(hash)
                .filter(s -> s.userId().equals(userId))
                .ifPresent(s -> sessions.revokeFamily(s.familyId(), "LOGOUT", clock.instant())));
        log.info("logout user={}", userId);
    }

    /**
     * Creates an account unless the e-mail is already registered (then nothing changes: password and role stay as they
     * are); true when it was created. For start-up seeding — the password must pass the registration policy.
     */
    public boolean createAccountIfAbsent(String email, String password, Role role, String displayName) {
        if (!EmailAddresses.valid(email)) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
        String problem = PasswordPolicy.Validator.problem(password, email);
        if (problem != null) {
            throw new IllegalArgumentException("password " + problem);
        }
        String normalised = EmailAddresses.normalise(email);
        if (users.findByEmail(normalised).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID(), normalised, passwords.encode(password), displayName, role, "ACTIVE",
                now);
        boolean created = transactions.inTransaction(() -> users.insertIfEmailFree(user, now)
                && users.markEmailVerified(user.id(), now));
        if (created) {
            log.info("account created id={} role={}", user.id(), role);
        }
        return created;
    }

    /**
     * Gives the account with this e-mail a confirmed TOTP secret unless it has one (the development seed's admin,
     * whose secret is documented); true when set.
     */
    public boolean enrolTotpIfAbsent(String email, String base32Secret) {
        return accountId(email).map(id -> twoFactor.enrolIfAbsent(id, base32Secret)).orElse(false);
    }

    /** The id of the account with this e-mail, if any. */
    public Optional<UUID> accountId(String email) {
        return users.findByEmail(EmailAddresses.normalise(email)).map(User::id);
    }

    Optional<User> user(UUID id) {
        return users.findById(id);
    }

    private record NewSession(UUID id, User user, String refreshToken, Instant expiresAt) {
    }

    /** Signs the access token outside the session's transaction (the key ring may run a transaction of its own). */
    private TokenResponse tokens(NewSession session) {
        AccessTokens.Issued access = accessTokens.issue(session.user().id(), List.of(session.user().role()));
        return new TokenResponse("Bearer", access.token(), accessTokens.ttl().toSeconds(), access.expiresAt(),
                session.refreshToken(), session.expiresAt());
    }

    private NewSession startSession(User user, UUID familyId) {
        Instant now = clock.instant();
        String refreshToken = RefreshTokens.newToken();
        Session session = new Session(UUID.randomUUID(), user.id(), familyId, now, now.plus(refreshTtl), null, null);
        sessions.insert(session, RefreshTokens.hash(refreshToken));
        return new NewSession(session.id(), user, refreshToken, session.expiresAt());
    }

    private static ApiProblemException invalidCredentials() {
        return new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", INVALID_CREDENTIALS);
    }
}
