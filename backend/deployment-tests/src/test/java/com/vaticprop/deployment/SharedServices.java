package com.vaticprop.deployment;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.time.Duration;
import java.util.Map;

/**
 * The five services started once per test JVM and shared by every live test class: booting them costs a minute or
 * two, which CI should pay once, not per class. Started on first use, stopped by a shutdown hook (the JVM's end is
 * the only moment no class needs them any more).
 *
 * <p>core-service signs with a key this class generates ({@code JWT_SIGNING_KEYS}) rather than its development key
 * from the database: the JWT attack tests need to sign tokens that are valid in every respect but one (expired,
 * wrong audience …), which only the holder of the real key can do.
 */
public final class SharedServices {

    private static final ECKey SIGNING_KEY = generateKey();
    /**
     * Generous: on a loaded machine (shared runners, parallel builds) the five JVMs have needed over 8 minutes;
     * {@code -Dservices.boot.timeout.minutes=…} raises it further.
     */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(Long.getLong("services.boot.timeout.minutes", 10));

    private static RunningServices instance;
    private static AssertionError failed;

    private SharedServices() {
    }

    /** The running, ready services (started and awaited on the first call). */
    public static synchronized RunningServices get() {
        if (failed != null) {
            throw new AssertionError("the shared services did not start (see the first failure)", failed);
        }
        if (instance == null) {
            try {
                RunningServices started = RunningServices.start(Map.of(
                        // LiveServicesTest reads production's JSON log lines and the consumer's debug line
                        "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                        "LOGGING_LEVEL_COM_VATICPROP_PLATFORM_EVENTS_CONSUMER", "DEBUG",
                        "JWT_SIGNING_KEYS", new JWKSet(SIGNING_KEY).toString(false),
                        // every test request comes from 127.0.0.1: the per-IP login limit (30/min) would turn the
                        // fuzzer's login attempts into 429s for the next class's logins; per-account limits stay
                        "VATIC_IDENTITY_LOGIN_MAX_ATTEMPTS_PER_IP", "1000000"));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-services-stop"));
                instance = started;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try {
                instance.awaitReady(BOOT_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (AssertionError e) {
                failed = e; // later classes fail at once instead of talking to half-started services
                throw e;
            }
        }
        return instance;
    }

    /** The private key core-service signs access tokens with (kid {@code deployment-tests}). */
    public static ECKey signingKey() {
        return SIGNING_KEY;
    }

    private static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("deployment-tests").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
