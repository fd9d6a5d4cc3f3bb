package com.vaticprop.platform.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server speaking the Secrets Manager wire protocol for GetSecretValue (AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}, body {@code {"SecretId": …}}; errors as
 * {@code {"__type": "ResourceNotFoundException", "message": …}} with status 400), on an ephemeral port. It records
 * each request's target and Authorization header so tests can see that the real SDK signed a real call.
 */
final class LocalSecretsManager implements AutoCloseable {

    record Call(String target, String secretId, String authorization) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    LocalSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    LocalSecretsManager put(String arn, String secretString) {
        secrets.put(arn, secretString);
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String secretId = body.path("SecretId").asString();
        calls.add(new Call(target, secretId, exchange.getRequestHeaders().getFirst("Authorization")));
        if (!"secretsmanager.GetSecretValue".equals(target)) {
            respond(exchange, 400, Map.of("__type", "UnknownOperationException", "message", "unsupported " + target));
            return;
        }
        String value = secrets.get(secretId);
        if (value == null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            respond(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                    "message", "Secrets Manager can't find the specified secret."));
            return;
        }
        respond(exchange, 200, Map.of("ARN", secretId, "Name", secretId.substring(secretId.lastIndexOf(':') + 1),
                "SecretString", value, "VersionId", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.764e9));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
