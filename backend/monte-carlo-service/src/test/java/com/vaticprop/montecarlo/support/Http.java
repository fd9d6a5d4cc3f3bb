package com.vaticprop.montecarlo.support;

import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for the service under test, with problem+json assertions. */
public final class Http {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send("GET", path, null, bearer);
    }

    public HttpResponse<String> post(String path, Object body, String bearer) {
        return send("POST", path, body instanceof String s ? s : VaticJson.mapper().writeValueAsString(body), bearer);
    }

    public HttpResponse<String> delete(String path, String bearer) {
        return send("DELETE", path, null, bearer);
    }

    public HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return VaticJson.mapper().readTree(response.body());
    }

    public static JsonNode expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    /** Asserts a problem+json of this status and type; returns the problem. */
    public static JsonNode problem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode p = json(response);
        assertThat(p.get("type").asString()).isEqualTo("https://vaticprop.com/problems/" + type);
        return p;
    }
}
