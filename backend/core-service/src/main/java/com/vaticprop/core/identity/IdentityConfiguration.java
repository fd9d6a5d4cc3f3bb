package com.vaticprop.core.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.vaticprop.core.mail.Mailer;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.platform.security.JwtVerification;
import com.vaticprop.platform.security.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Identity wiring. core-service verifies its own access tokens in-process against {@link KeyRing} — the platform's
 * JWKS-over-HTTP decoder backs off because a {@link JwtDecoder} bean exists — with the platform's validator (issuer,
 * audience, expiry, no WebSocket tickets) and ES256 as the only accepted algorithm.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    PublicPaths identityPublicPaths() {
        return new PublicPaths(List.of("/auth/register", "/auth/login", "/auth/refresh", "/auth/token",
                "/.well-known/jwks.json", "/auth/verify-email", "/auth/verify-email/resend", "/auth/password-reset",
                "/auth/password-reset/confirm", "/auth/totp/enrolment", "/auth/totp/enrolment/confirm"));
    }

    @Bean
    ServiceClients serviceClients(Environment env) {
        ServiceClients clients = ServiceClients.parse(env.getProperty("SERVICE_CLIENT_ID"),
                env.getProperty("SERVICE_CLIENT_SECRET"), env.getProperty("SERVICE_CLIENTS"));
        log.info("{} service client(s) may obtain SERVICE tokens at POST /auth/token", clients.size());
        return clients;
    }

    /** Argon2id, OWASP's minimum (19 MiB, 2 iterations, 1 lane) unless configured higher. */
    @Bean
    PasswordEncoder passwordEncoder(Environment env) {
        return new Argon2PasswordEncoder(16, 32, 1,
                env.getProperty("vatic.identity.argon2.memory-kib", Integer.class, 19_456),
                env.getProperty("vatic.identity.argon2.iterations", Integer.class, 2));
    }

    @Bean
    KeyRing keyRing(SigningKeyRepository repository, Transactions transactions, Clock clock, Environment env) {
        String configured = env.getProperty("JWT_SIGNING_KEYS");
        if (configured != null && !configured.isBlank()) {
            List<com.nimbusds.jose.jwk.ECKey> keys = KeyRing.parseImported(configured);
            log.info("JWT signing keys from JWT_SIGNING_KEYS: {} key(s), signing with kid={}", keys.size(),
                    keys.get(0).getKeyID());
            return new KeyRing(keys, clock);
        }
        if ("production".equals(env.getProperty("vatic.app-env"))) {
            throw new IllegalStateException(
                    "JWT_SIGNING_KEYS is required in production for core-service (a JWK set of ES256 private keys)");
        }
        return new KeyRing(repository, transactions, clock);
    }

    @Bean
    AccessTokens accessTokens(KeyRing keys, Clock clock, Environment env) {
        return new AccessTokens(keys, clock,
                env.getProperty("vatic.identity.access-token-ttl", Duration.class, Duration.ofMinutes(10)));
    }

    @Bean
    JwtDecoder jwtDecoder(KeyRing keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                (selector, context) -> keys.select(selector)));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // claims are checked by JwtVerification.accessTokenValidator(), like in every other service
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtVerification.accessTokenValidator());
        return decoder;
    }

    @Bean
    @ConditionalOnProperty({"ADMIN_EMAIL", "ADMIN_PASSWORD"})
    AdminBootstrap adminBootstrap(Environment env, UserRepository users, PasswordEncoder passwords,
                                  Transactions transactions, DatabaseMigrator migrator, Clock clock) {
        return new AdminBootstrap(env.getRequiredProperty("ADMIN_EMAIL"), env.getRequiredProperty("ADMIN_PASSWORD"),
                users, passwords, transactions, migrator, clock);
    }

    @Bean
    LoginRateLimiter loginRateLimiter(StringRedisTemplate redis, RedisKeys keys, Environment env) {
        return new LoginRateLimiter(redis, keys, new LoginRateLimiter.Limits(
                env.getProperty("vatic.identity.login.max-failures-per-account", Integer.class, 5),
                env.getProperty("vatic.identity.login.account-window", Duration.class, Duration.ofMinutes(15)),
                env.getProperty("vatic.identity.login.max-attempts-per-ip", Integer.class, 30),
                env.getProperty("vatic.identity.login.ip-window", Duration.class, Duration.ofMinutes(1))));
    }

    @Bean
    IdentityService identityService(UserRepository users, SessionRepository sessions, PasswordEncoder passwords,
                                    AccessTokens accessTokens, LoginRateLimiter rateLimiter,
                                    Transactions transactions, Clock clock, Environment env, TwoFactor twoFactor,
                                    AccountRecovery recovery) {
        return new IdentityService(users, sessions, passwords, accessTokens, rateLimiter, transactions, clock,
                env.getProperty("vatic.identity.refresh-token-ttl", Duration.class, Duration.ofDays(30)), twoFactor,
                recovery);
    }

    /**
     * Verification links live 24 h, reset links 30 min ({@code vatic.identity.*-ttl}); links point at APP_URL; at most
     * 5 account mails per address and hour ({@code vatic.identity.mail-per-address}, {@code mail-window}).
     */
    @Bean
    AccountRecovery accountRecovery(UserRepository users, SessionRepository sessions, OneTimeTokens tokens,
                                    PasswordEncoder passwords, Mailer mailer, Transactions transactions, Clock clock,
                                    Environment env, StringRedisTemplate redis, RedisKeys keys) {
        return new AccountRecovery(users, sessions, tokens, passwords, mailer, transactions, clock,
                new AccountRecovery.Settings(
                        env.getProperty("vatic.identity.verification-ttl", Duration.class, Duration.ofHours(24)),
                        env.getProperty("vatic.identity.reset-ttl", Duration.class, Duration.ofMinutes(30)),
                        env.getProperty("APP_URL", "http://localhost:3000").replaceAll("/+$", "")),
                new MailQuota(redis, keys, env.getProperty("vatic.identity.mail-per-address", Integer.class, 5),
                        env.getProperty("vatic.identity.mail-window", Duration.class, Duration.ofHours(1))));
    }

    @Bean
    TwoFactor twoFactor(TwoFactorRepository repository, OneTimeTokens tokens, UserRepository users,
                        Transactions transactions, Clock clock, Environment env) {
        return new TwoFactor(repository, tokens, users, transactions, clock,
                env.getProperty("vatic.identity.totp-enrolment-ttl", Duration.class, Duration.ofMinutes(10)));
    }
}
