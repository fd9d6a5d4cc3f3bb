package com.vaticprop.core.purchase;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.stripe.com that speaks its wire format for {@code POST /v1/checkout/sessions}: it
 * records exactly what stripe-java sent (form fields, headers), answers with a Checkout Session object, and honours
 * Idempotency-Key like Stripe (same key → same session). It also signs webhook payloads the way Stripe does, computed
 * here independently of stripe-java so the verifier is tested against the documented scheme.
 */
final class LocalStripe implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String path, Map<String, String> form, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> sessionsByIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile int failWithStatus;

    LocalStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Answer every request with this HTTP status and a Stripe error body (0 = behave normally). */
    void failWith(int status) {
        this.failWithStatus = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form(body),
                Map.copyOf(exchange.getRequestHeaders())));
        if (failWithStatus != 0) {
            respond(exchange, failWithStatus, """
                    {"error": {"type": "api_error", "message": "Local Stripe is down for this test."}}""");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/v1/checkout/sessions".equals(
                exchange.getRequestURI().getPath())) {
            respond(exchange, 404, """
                    {"error": {"type": "invalid_request_error", "message": "Unrecognized request URL."}}""");
            return;
        }
        Map<String, String> form = form(body);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String id = key == null ? newSessionId() : sessionsByIdempotencyKey.computeIfAbsent(key, k -> newSessionId());
        ObjectNode session = VaticJson.mapper().createObjectNode();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]")));
        session.put("currency", form.get("line_items[0][price_data][currency]"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("customer_email", form.get("customer_email"));
        session.put("mode", form.get("mode"));
        session.put("payment_status", "unpaid");
        session.put("status", "open");
        session.putNull("payment_intent");
        session.put("url", "https://checkout.stripe.com/c/pay/" + id);
        session.putObject("metadata").put("purchaseId", form.get("metadata[purchaseId]"));
        respond(exchange, 200, session.toString());
    }

    private String newSessionId() {
        return "cs_test_local" + sessions.incrementAndGet();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_local");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    /** {@code Stripe-Signature} for the payload at the given time: {@code t=<unix>,v1=<hex HMAC-SHA256>}. */
    static String sign(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
