package com.vaticprop.deployment.security;

import com.vaticprop.deployment.RunningServices;
import com.vaticprop.platform.config.ServiceKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running services' HTTP APIs as the security tests call them: any method, any body and content type, an
 * optional bearer token — raw enough for malformed requests, with a JSON reader for the well-formed answers.
 */
final class LiveApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningServices services;
    /** Our own bound on an answer, a little above the request's 30 s timeout. */
    private static final Duration ANSWER = Duration.ofSeconds(40);

    private final HttpClient http = newClient();

    LiveApi(RunningServices services) {
        this.services = services;
    }

    /** One request; {@code pathAndQuery} is sent as given (already encoded). */
    HttpResponse<String> send(ServiceKind service, String method, String pathAndQuery, String bearer,
                              String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(services.url(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        HttpRequest request = b.build();
        String what = method + " " + service.serviceName() + pathAndQuery;
        try {
            return await(http, request, what);
        } catch (TimeoutException stuck) {
            // the JDK client's own 30 s request timeout did not fire once in CI (four fuzz threads blocked in send
            // for eight minutes with nothing in flight): a fresh client tries again, then the request is unanswered
            try (HttpClient fresh = newClient()) {
                return await(fresh, request, what);
            } catch (TimeoutException again) {
                throw new UncheckedIOException(what, new HttpTimeoutException("no answer within "
                        + ANSWER.toSeconds() + " s, twice"));
            }
        }
    }

    private static HttpResponse<String> await(HttpClient client, HttpRequest request, String what)
            throws TimeoutException {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(what, io);
            }
            throw new IllegalStateException(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A JSON request (or none when {@code json} is null) with a fresh Idempotency-Key. */
    HttpResponse<String> call(ServiceKind service, String method, String pathAndQuery, String bearer, String json) {
        return send(service, method, pathAndQuery, bearer, json == null ? null : "application/json",
                json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
    }

    /** The JSON body of a 2xx answer; fails naming the request's answer otherwise. */
    static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " → "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    String url(ServiceKind service) {
        return services.url(service);
    }

    RunningServices services() {
        return services;
    }
}
