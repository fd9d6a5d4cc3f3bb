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
import java.time.Duration;
import java.util.Map;

/**
 * The running services' HTTP APIs as the security tests call them: any method, any body and content type, an
 * optional bearer token — raw enough for malformed requests, with a JSON reader for the well-formed answers.
 */
final class LiveApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningServices services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

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
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + service.serviceName() + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
