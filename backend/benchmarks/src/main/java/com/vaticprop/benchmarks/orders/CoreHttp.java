package com.vaticprop.benchmarks.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side the load harnesses share: requests to core-service's public API, each from one of 65,536
 * {@code X-Forwarded-For} addresses (core-service trusts loopback as a proxy and limits logins per client IP), and
 * set-up calls sent again after a 5xx (a rolled-back transaction changed nothing), counted so a run shows them.
 */
final class CoreHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String core;
    private final AtomicInteger setUpServerErrors = new AtomicInteger();

    CoreHttp(String core) {
        this.core = core;
    }

    int setUpServerErrors() {
        return setUpServerErrors.get();
    }

    HttpRequest post(String path, String token, String forwardedFor, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(core + path)).timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", forwardedFor);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            return b.POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** An access and a refresh token. */
    record Tokens(String access, String refresh) {
    }

    /** Registers a trader and logs in (from one random forwarded address). */
    Tokens registerAndLogIn(String email, String password) throws Exception {
        expect(sendRetrying(post("/auth/register", null, forwardedFor(), credentials(email, password))), 201,
                "register " + email);
        return logIn(email, password);
    }

    Tokens logIn(String email, String password) throws Exception {
        String tokens = expect(sendRetrying(post("/auth/login", null, forwardedFor(), credentials(email, password))),
                200, "login " + email);
        return new Tokens(field(tokens, "accessToken"), field(tokens, "refreshToken"));
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /**
     * Buys the tier on the development payment path ({@code 201 COMPLETED} with the assessment) and starts the
     * assessment; returns its id.
     */
    String buyAndStart(String access, String tierId) throws Exception {
        String ip = forwardedFor();
        String purchase = expect(sendRetrying(post("/purchases", access, ip, "{\"tierId\":\"" + tierId + "\"}")),
                201, "purchase");
        if (!purchase.contains("\"status\":\"COMPLETED\"")) {
            throw new IllegalStateException("purchase not COMPLETED (is core-service on the development payment path,"
                    + " APP_ENV=development and no STRIPE_SECRET_KEY?): " + purchase);
        }
        String assessment = field(purchase, "assessmentId");
        String started = expect(sendRetrying(post("/assessments/" + assessment + "/start", access, ip, null)), 200,
                "start " + assessment);
        if (!started.contains("\"status\":\"ACTIVE\"")) {
            throw new IllegalStateException("assessment not ACTIVE after start: " + started);
        }
        return assessment;
    }

    /** A set-up request, sent again (up to 5 times) after a 5xx answer. */
    HttpResponse<String> sendRetrying(HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = send(request);
            if (r.statusCode() < 500 || attempt == 5) {
                return r;
            }
            int n = setUpServerErrors.incrementAndGet();
            if (n <= 3) {
                System.out.printf("  set-up: %s answered %d, sending it again (%s)%n", request.uri().getPath(),
                        r.statusCode(), r.body());
            }
            Thread.sleep(200L * attempt);
        }
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + r.statusCode() + " "
                    + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String forwardedFor() {
        int a = ThreadLocalRandom.current().nextInt(65_536);
        return "10.78." + (a >> 8) + "." + (a & 0xff);
    }
}
