package com.vaticprop.core;

import com.vaticprop.core.identity.Totp;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** core-service's HTTP API as a test calls it: JSON bodies, bearer tokens, problem+json assertions. */
public final class CoreApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public CoreApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send("GET", path, null, bearer);
    }

    public HttpResponse<String> post(String path, Object body, String bearer) {
        return send("POST", path, body, bearer);
    }

    public HttpResponse<String> send(String method, String path, Object body, String bearer) {
        String payload = body == null ? null : body instanceof String s ? s : VaticJson.mapper().writeValueAsString(body);
        return send(method, path, payload, bearer, Map.of("Content-Type", "application/json"));
    }

    public HttpResponse<String> send(String method, String path, String payload, String bearer,
                                     Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            headers.forEach(b::header);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the service answers /ready with 200 and, when given, the development seed has run. */
    public CoreApi awaitReady(java.util.function.BooleanSupplier seeded) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(get("/ready", null).statusCode()).isEqualTo(200));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(seeded::getAsBoolean);
        return this;
    }

    /** Logs in and returns the access token. */
    public String login(String email, String password) {
        HttpResponse<String> r = post("/auth/login", Map.of("email", email, "password", password), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("accessToken").asString();
    }

    /**
     * An access token of the development seed's admin ({@code admin@vaticprop.dev}), logged in with password and a
     * TOTP code from the documented secret. Cached per service for five minutes: the service accepts each TOTP time
     * step once, so tests share one admin login rather than wait for the next step.
     */
    public String adminLogin() {
        Object[] cached = ADMIN_TOKENS.get(baseUrl);
        if (cached != null && ((java.time.Instant) cached[1]).isAfter(java.time.Instant.now())) {
            return (String) cached[0];
        }
        String token = json(loginWithTotp(DevelopmentSeed.ACCOUNTS.get(0).email(),
                DevelopmentSeed.ACCOUNTS.get(0).password(), DevelopmentSeed.ADMIN_TOTP_SECRET)).get("accessToken")
                .asString();
        ADMIN_TOKENS.put(baseUrl, new Object[]{token, java.time.Instant.now().plus(Duration.ofMinutes(5))});
        return token;
    }

    /**
     * Logs in with password and the current TOTP code of {@code secret}, first waiting for a time step this helper
     * has not used yet for that account (a code is accepted once); asserts 200 and returns the answer.
     */
    public HttpResponse<String> loginWithTotp(String email, String password, String secret) {
        String key = baseUrl + "|" + email.toLowerCase(java.util.Locale.ROOT);
        synchronized (LAST_STEPS) {
            long last = LAST_STEPS.getOrDefault(key, Long.MIN_VALUE);
            while (Totp.step(java.time.Instant.now()) <= last) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            java.time.Instant now = java.time.Instant.now();
            HttpResponse<String> r = post("/auth/login", Map.of("email", email, "password", password,
                    "totpCode", Totp.code(secret, now)), null);
            // the server keeps the step the code matched, which is the step of `now` on this same clock
            LAST_STEPS.put(key, Totp.step(now));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r;
        }
    }

    /** A seeded-admin access token a test obtained itself, for {@link #adminLogin} to reuse (no TOTP step spent). */
    public void rememberAdminToken(String token) {
        ADMIN_TOKENS.put(baseUrl, new Object[]{token, java.time.Instant.now().plus(Duration.ofMinutes(5))});
    }

    private static final Map<String, Object[]> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEPS = new java.util.HashMap<>();

    /** Registers a trader and returns the new user's id. */
    public String register(String email, String password) {
        HttpResponse<String> r = post("/auth/register", Map.of("email", email, "password", password), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return VaticJson.mapper().readTree(response.body());
    }

    /** A 2xx/4xx answer with the given status, parsed. */
    public static JsonNode expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    public static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://vaticprop.com/problems/" + type + "\"");
    }
}
