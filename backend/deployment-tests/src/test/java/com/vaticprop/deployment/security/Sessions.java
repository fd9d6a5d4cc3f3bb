package com.vaticprop.deployment.security;

import com.vaticprop.core.identity.Totp;
import com.vaticprop.deployment.SharedServices;
import com.vaticprop.platform.config.ServiceKind;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Real access tokens, obtained the way clients get them: freshly registered traders ({@link #newTrader}), the
 * development seed's admin (password + TOTP from the documented seed secret) and the report-service client
 * (client credentials). The admin and service tokens are shared by the whole test JVM: core accepts each TOTP step
 * once, so a second admin login would wait up to 30 s. They live 10 minutes; {@link #token} logs in again when one
 * is older than 8. Each test class registers traders of its own, so one class's destructive cells (an account
 * deletion, an abandoned assessment) cannot change what another observes.
 */
final class Sessions {

    static final String PASSWORD = "Matrix-test-pass-2026";
    private static final String ADMIN_EMAIL = "admin@vaticprop.dev";
    private static final String ADMIN_PASSWORD = "VaticDev-root-2026";
    /** {@code DevelopmentSeed.ADMIN_TOTP_SECRET}: public, like the development passwords. */
    private static final String ADMIN_TOTP_SECRET = "VATICPROPDEVADMINTOTPSEEDSECRETA";
    private static final Duration RENEW_AFTER = Duration.ofMinutes(8);

    private static Sessions shared;

    private final LiveApi api;
    private final Map<Actor, String> tokens = new EnumMap<>(Actor.class);
    private final Map<Actor, Instant> issued = new EnumMap<>(Actor.class);
    private long lastTotpStep = Long.MIN_VALUE;

    private Sessions(LiveApi api) {
        this.api = api;
    }

    static synchronized Sessions get() {
        if (shared == null) {
            shared = new Sessions(new LiveApi(SharedServices.get()));
        }
        return shared;
    }

    LiveApi api() {
        return api;
    }

    /** A freshly registered, logged-in trader. */
    Trader newTrader(String label) {
        String email = label + "-" + Long.toString(System.nanoTime(), 36) + "@example.com";
        UUID id = UUID.fromString(register(email));
        return new Trader(email, id, login(email, PASSWORD, null));
    }

    /** The admin's or the service client's access token. */
    synchronized String token(Actor actor) {
        if (actor != Actor.ADMIN && actor != Actor.SERVICE) {
            throw new IllegalArgumentException(actor + ": traders come from newTrader");
        }
        Instant at = issued.get(actor);
        if (at == null || at.plus(RENEW_AFTER).isBefore(Instant.now())) {
            tokens.put(actor, switch (actor) {
                case ADMIN -> adminLogin();
                default -> serviceToken();
            });
            issued.put(actor, Instant.now());
        }
        return tokens.get(actor);
    }

    /** A trader: e-mail, user id and access token (valid 10 minutes, longer than any test class needs it). */
    record Trader(String email, UUID id, String token) {
    }

    /** Registers a trader and returns its user id. */
    String register(String email) {
        HttpResponse<String> r = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.call(ServiceKind.CORE, "POST", "/auth/register", null,
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"),
                        resp -> resp.statusCode() == 201);
        return LiveApi.ok(r).path("id").asString();
    }

    String login(String email, String password, String totp) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                + (totp == null ? "" : ",\"totpCode\":\"" + totp + "\"") + "}";
        return LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/auth/login", null, body)).path("accessToken")
                .asString();
    }

    /** The seeded admin; waits for a TOTP step not used yet (each is accepted once) and for the seed to have run. */
    private String adminLogin() {
        while (Totp.step(Instant.now()) <= lastTotpStep) {
            sleep(250);
        }
        HttpResponse<String> r = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Instant now = Instant.now();
                    if (Totp.step(now) <= lastTotpStep) {
                        return null;
                    }
                    lastTotpStep = Totp.step(now);
                    return api.call(ServiceKind.CORE, "POST", "/auth/login", null, "{\"email\":\"" + ADMIN_EMAIL
                            + "\",\"password\":\"" + ADMIN_PASSWORD + "\",\"totpCode\":\""
                            + Totp.code(ADMIN_TOTP_SECRET, now) + "\"}");
                }, resp -> resp != null && resp.statusCode() == 200);
        return LiveApi.ok(r).path("accessToken").asString();
    }

    /** A SERVICE token with report-service's client credentials, as report-service gets one. */
    private String serviceToken() {
        Map<String, String> env = api.services().environment();
        String form = "grant_type=client_credentials&client_id=" + enc(env.get("SERVICE_CLIENT_ID"))
                + "&client_secret=" + enc(env.get("SERVICE_CLIENT_SECRET"));
        JsonNode token = LiveApi.ok(api.send(ServiceKind.CORE, "POST", "/auth/token", null,
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), Map.of()));
        return token.path("access_token").asString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
