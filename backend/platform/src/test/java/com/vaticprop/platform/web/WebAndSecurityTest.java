package com.vaticprop.platform.web;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.testapp.PlatformTestApplication;
import com.vaticprop.testkit.ServiceTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's HTTP behaviour in a real server: problem+json for every error, the 1 MiB body limit, bearer-token
 * security against a JWKS served over HTTP, and CORS, as every service gets them.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vatic.service=market-data", "vatic.dotenv.disabled=true"})
class WebAndSecurityTest {

    private static final ECKey SIGNING_KEY = generate("key-1");
    private static final ECKey STRANGER_KEY = generate("key-unknown");
    private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();
    private static final HttpServer JWKS_SERVER = startJwksServer();
    private static final String ALLOWED_ORIGIN = "https://app.vaticprop.test";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startJwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                JWKS_REQUESTS.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopJwks() {
        JWKS_SERVER.stop(0);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.kafka(registry);
        ServiceTestProperties.redis(registry, WebAndSecurityTest.class);
        registry.add("CORE_JWKS_URL", () -> "http://127.0.0.1:" + JWKS_SERVER.getAddress().getPort()
                + "/.well-known/jwks.json");
        registry.add("CORS_ALLOWED_ORIGINS", () -> ALLOWED_ORIGIN + ",http://localhost:5173");
    }

    // ---- helpers

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("vatic-prop-core")
                .audience("vatic-prop")
                .subject("user-42")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("TRADER"));
    }

    private static String sign(JWTClaimsSet claims) {
        return sign(claims, SIGNING_KEY, JOSEObjectType.JWT);
    }

    private static String sign(JWTClaimsSet claims, ECKey key, JOSEObjectType typ) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(typ)
                    .build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String VALID_TOKEN = sign(validClaims().build());

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                assertNoInternals(response);
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoInternals(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("\tat ", "Exception", "java.", "org.springframework",
                "com.vaticprop", "trace", "hunter2");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpRequest.Builder authed(String path) {
        return request(path).header("Authorization", "Bearer " + VALID_TOKEN);
    }

    private HttpResponse<String> postJson(String body) {
        return send(authed("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = VaticJson.mapper().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).startsWith("https://vaticprop.com/problems/");
        assertThat(body.hasNonNull("title")).isTrue();
        return body;
    }

    // ---- JSON bodies

    @Test
    void aValidBodyIsAcceptedAndDecimalsComeBackAsStrings() {
        HttpResponse<String> response = postJson("{\"instrument\":\"BTC-USD\",\"qty\":\"0.00000001\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = VaticJson.mapper().readTree(response.body());
        assertThat(body.get("qty").isString()).isTrue();
        assertThat(body.get("qty").asString()).isEqualTo("0.00000001");
        assertThat(body.get("user").asString()).isEqualTo("user-42");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode body = problem(postJson("{\"instrument\": \"BTC-USD\", "), 400);
        assertThat(body.get("type").asString()).endsWith("/malformed-body");
        problem(postJson("{\"instrument\":\"BTC-USD\",\"qty\":{\"nested\":true}}"), 400);
        problem(postJson(""), 400);
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpResponse<String> response = send(authed("/api/orders").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("instrument=BTC-USD")));
        JsonNode body = problem(response, 415);
        assertThat(body.get("detail").asString()).contains("application/json");
    }

    @Test
    void validationErrorsListTheFields() {
        JsonNode body = problem(postJson("{\"instrument\":\"  \",\"qty\":\"-1\",\"note\":\"far too long a note\"}"),
                400);
        assertThat(body.get("type").asString()).endsWith("/validation");
        JsonNode errors = body.get("errors");
        assertThat(errors).as(body.toString()).isNotNull();
        assertThat(errors.isArray()).isTrue();
        List<String> fields = errors.valueStream().map(e -> e.get("field").asString()).sorted().toList();
        assertThat(fields).containsExactly("instrument", "note", "qty");
        errors.valueStream().forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
    }

    @Test
    void aBodyOverOneMebibyteIs413WithContentLength() {
        String big = "{\"instrument\":\"BTC-USD\",\"qty\":\"1\",\"note\":\"" + "x".repeat(1_048_576) + "\"}";
        HttpResponse<String> response = postJson(big);
        JsonNode body = problem(response, 413);
        assertThat(body.get("type").asString()).endsWith("/payload-too-large");
        // exactly at the limit is still parsed (and fails validation instead)
        String padding = "x".repeat(1_048_576 - "{\"instrument\":\"BTC-USD\",\"qty\":\"1\",\"note\":\"\"}".length());
        problem(postJson("{\"instrument\":\"BTC-USD\",\"qty\":\"1\",\"note\":\"" + padding + "\"}"), 400);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"instrument\":\"BTC-USD\",\"qty\":\"1\",\"note\":\"" + "x".repeat(1_200_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(authed("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        JsonNode body = problem(response, 413);
        assertThat(body.get("type").asString()).endsWith("/payload-too-large");
        // a small chunked body is fine
        byte[] small = "{\"instrument\":\"BTC-USD\",\"qty\":\"2\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(send(authed("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))))
                .statusCode()).isEqualTo(200);
    }

    // ---- routes and errors

    @Test
    void anUnknownRouteIs404WithAndWithoutAToken() {
        JsonNode withToken = problem(send(authed("/api/nope")), 404);
        JsonNode withoutToken = problem(send(request("/api/nope")), 404);
        assertThat(withToken.get("type").asString()).endsWith("/not-found");
        assertThat(withoutToken.get("type").asString()).endsWith("/not-found");
        assertThat(withToken.get("instance").asString()).as("answered by the handler, not the error page")
                .isEqualTo("/api/nope");
        problem(send(request("/definitely/not/here?x=1").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")), 404);
    }

    @Test
    void anUndecodableQueryStringIs400NotA500() {
        for (String query : List.of("q=%FF", "q=%E2%98", "=&=&=", "q=ok&x%FF=1")) {
            JsonNode body = problem(send(authed("/api/echo?" + query)), 400);
            assertThat(body.get("type").asString()).as(query).endsWith("/malformed-request");
        }
        HttpResponse<String> decodable = send(authed("/api/echo?q=%E2%98%83"));
        assertThat(decodable.statusCode()).isEqualTo(200);
        assertThat(VaticJson.mapper().readTree(decodable.body()).get("q").asString()).isEqualTo("☃");
    }

    @Test
    void aCommitWhoseConnectionWasCutIs503SayingTheOutcomeIsUnknownAndOtherTransactionFailuresStay500() {
        HttpResponse<String> lost = send(authed("/api/commit-lost"));
        JsonNode body = problem(lost, 503);
        assertThat(body.get("type").asString()).endsWith("/database-unavailable");
        assertThat(body.get("detail").asString()).contains("unknown", "Idempotency-Key");
        assertThat(lost.headers().firstValue("Retry-After")).contains("1");
        assertThat(lost.body()).doesNotContain("I/O error").doesNotContain("JDBC");
        JsonNode unknown = problem(send(authed("/api/commit-outcome-unknown")), 503);
        assertThat(unknown.get("type").asString()).as("not \"nothing was changed\"").endsWith("/database-unavailable");
        assertThat(unknown.get("detail").asString()).contains("unknown");
        problem(send(authed("/api/commit-refused")), 500);
    }

    @Test
    void theErrorPathRequestedDirectlyIs404NotA500() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            JsonNode body = problem(send(request("/error").method(method, HttpRequest.BodyPublishers.noBody())), 404);
            assertThat(body.get("type").asString()).as(method).endsWith("/not-found");
        }
        problem(send(authed("/error")), 404);
    }

    @Test
    void anUnexpectedErrorIs500WithoutInternals() {
        JsonNode body = problem(send(authed("/api/boom")), 500);
        assertThat(body.get("detail").asString()).contains("error id");
        assertThat(body.get("errorId").asString()).isNotBlank();
    }

    @Test
    void aBusyOrUnreachableDatabaseIs503WithRetryAfterNot500() throws Exception {
        for (String path : java.util.List.of("/api/busy", "/api/no-connection", "/api/cut-connection")) {
            HttpResponse<String> response = send(authed(path));
            JsonNode body = problem(response, 503);
            assertThat(body.get("type").asString()).endsWith("/database-busy");
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            assertThat(response.body()).doesNotContain("serialize").doesNotContain("JDBC");
        }
    }

    @Test
    void anApiProblemKeepsItsStatusAndType() {
        JsonNode body = problem(send(authed("/api/conflict")), 409);
        assertThat(body.get("type").asString()).isEqualTo("https://vaticprop.com/problems/assessment-not-active");
        assertThat(body.get("detail").asString()).isEqualTo("The assessment is paused.");
    }

    @Test
    void accessDeniedInsideAControllerIs403NotA500() {
        JsonNode body = problem(send(authed("/api/admin-only")), 403);
        assertThat(body.get("type").asString()).isEqualTo("https://vaticprop.com/problems/forbidden");
    }

    @Test
    void aWrongMethodIs405() {
        HttpResponse<String> response = send(authed("/api/me").DELETE());
        JsonNode body = problem(response, 405);
        assertThat(body.get("type").asString()).endsWith("/http-405");
        // answered by the exception handler itself (which keeps the Allow header), not by the error-page fallback
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    @Test
    void operationalEndpointsNeedNoToken() {
        HttpResponse<String> health = send(request("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"service\":\"market-data-service\"");
        assertThat(send(request("/openapi")).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessNamesRedisAndKafkaUp() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    HttpResponse<String> ready = send(request("/ready"));
                    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                    JsonNode body = VaticJson.mapper().readTree(ready.body());
                    assertThat(body.get("status").asString()).isEqualTo("UP");
                    assertThat(body.get("checks").get("redis").get("status").asString()).isEqualTo("UP");
                    assertThat(body.get("checks").get("kafka").get("status").asString()).isEqualTo("UP");
                    assertThat(body.get("checks").has("postgres")).isFalse();
                });
    }

    // ---- authentication

    @Test
    void noTokenOnAProtectedRouteIs401() {
        HttpResponse<String> response = send(request("/api/me"));
        JsonNode body = problem(response, 401);
        assertThat(body.get("type").asString()).endsWith("/unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        problem(send(request("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"instrument\":\"BTC-USD\",\"qty\":\"1\"}"))), 401);
    }

    @Test
    void aValidEs256TokenIsAcceptedAndItsRolesAreVisible() {
        HttpResponse<String> response = send(authed("/api/me"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = VaticJson.mapper().readTree(response.body());
        assertThat(body.get("user").asString()).isEqualTo("user-42");
        assertThat(body.get("roles").valueStream().map(JsonNode::asString).toList()).contains("ROLE_TRADER")
                .doesNotContain("ROLE_ADMIN");
        String admin = sign(validClaims().claim("roles", List.of("ADMIN", "SERVICE")).build());
        JsonNode adminBody = VaticJson.mapper().readTree(send(request("/api/me")
                .header("Authorization", "Bearer " + admin)).body());
        assertThat(adminBody.get("roles").valueStream().map(JsonNode::asString).toList())
                .contains("ROLE_ADMIN", "ROLE_SERVICE");
        assertThat(JWKS_REQUESTS.get()).isPositive();
    }

    @Test
    void badTokensAre401() {
        Instant now = Instant.now();
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("wrong issuer", sign(validClaims().issuer("someone-else").build()));
        tokens.put("no issuer", sign(validClaims().issuer(null).build()));
        tokens.put("wrong audience", sign(validClaims().audience("other-app").build()));
        tokens.put("expired", sign(validClaims().issueTime(Date.from(now.minusSeconds(1200)))
                .expirationTime(Date.from(now.minusSeconds(600))).build()));
        assertThat(send(request("/api/me").header("Authorization", "Bearer " + sign(validClaims()
                .issueTime(Date.from(now.minusSeconds(540))).build()))).statusCode())
                .as("issued 9 minutes ago, still valid").isEqualTo(200);
        tokens.put("not yet valid", sign(validClaims().notBeforeTime(Date.from(now.plusSeconds(600))).build()));
        tokens.put("issued in the future", sign(validClaims().issueTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200))).build()));
        tokens.put("ws ticket", sign(validClaims().claim("typ", "ws-ticket")
                .expirationTime(Date.from(now.plusSeconds(30))).build()));
        tokens.put("unknown kid", sign(validClaims().build(), STRANGER_KEY, JOSEObjectType.JWT));
        tokens.put("known kid, wrong key", sign(validClaims().build(),
                new ECKey.Builder(STRANGER_KEY).keyID(SIGNING_KEY.getKeyID()).build(), JOSEObjectType.JWT));
        tokens.put("no subject", sign(validClaims().subject(null).build()));
        tokens.put("tampered", tamper(VALID_TOKEN));
        tokens.put("garbage", "not.a.jwt");
        tokens.forEach((what, token) -> {
            HttpResponse<String> response = send(request("/api/me").header("Authorization", "Bearer " + token));
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(what).startsWith("application/problem+json");
        });
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("TRADER", "ADMIN");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    // ---- CORS

    @Test
    void corsPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> response = send(request("/api/orders")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(response.statusCode()).isBetween(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        // an actual cross-origin request from it carries the header too
        HttpResponse<String> actual = send(authed("/api/me").header("Origin", "http://localhost:5173"));
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
    }

    @Test
    void corsFromAnotherOriginIsNotAllowed() {
        HttpResponse<String> preflight = send(request("/api/orders")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);
        HttpResponse<String> actual = send(authed("/api/me").header("Origin", "https://evil.example"));
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
