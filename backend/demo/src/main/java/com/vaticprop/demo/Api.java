package com.vaticprop.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** JSON over HTTP to one service, as the trader's front end calls it (bearer token, problem+json on errors). */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private volatile String token;

    Api(String base) {
        this.base = base;
    }

    Api as(String accessToken) {
        Api a = new Api(base);
        a.token = accessToken;
        return a;
    }

    /** A non-2xx answer, with the problem's type and detail. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(String what, int status, String body) {
            super(what + " answered " + status + ": " + body);
            this.status = status;
        }
    }

    JsonNode get(String path) {
        return send("GET", path, null, Map.of());
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    /** An order: a fresh Idempotency-Key each time. */
    JsonNode order(String assessmentId, String instrument, String side, String qty) {
        return send("POST", "/assessments/" + assessmentId + "/orders", Map.of("instrument", instrument, "side", side,
                "type", "MARKET", "qty", qty), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    byte[] bytes(String path) {
        HttpResponse<byte[]> r = exchange(request("GET", path, null, Map.of()), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw new Failure("GET " + path, r.statusCode(), new String(r.body()));
        }
        return r.body();
    }

    private JsonNode send(String method, String path, Object body, Map<String, String> headers) {
        HttpResponse<String> r = exchange(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new Failure(method + " " + path, r.statusCode(), r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    private HttpRequest request(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
