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
public final class LocalStripe implements AutoCloseable {

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

    public LocalStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiBase() {
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
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && "/v1/coupons".equals(path)) {
            respond(exchange, 200, coupon(form(body), exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && "/v1/promotion_codes".equals(path)) {
            respond(exchange, 200, promotionCode(form(body),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/v1/checkout/sessions".equals(path)) {
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
        long subtotal = Long.parseLong(form.get("line_items[0][price_data][unit_amount]"));
        long total = subtotal;
        String promotion = form.get("discounts[0][promotion_code]");
        if (promotion != null) {
            ObjectNode promo = promotionCodes.get(promotion);
            if (promo == null) {
                respond(exchange, 400, """
                        {"error": {"type": "invalid_request_error", "code": "resource_missing",
                                   "message": "No such promotion code."}}""");
                return;
            }
            ObjectNode c = coupons.get(promo.get("coupon").asString());
            long discount = c.has("percent_off")
                    ? new java.math.BigDecimal(c.get("percent_off").asString()).multiply(
                            java.math.BigDecimal.valueOf(subtotal)).movePointLeft(2)
                            .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()
                    : c.get("amount_off").asLong();
            total = Math.max(0, subtotal - discount);
        }
        session.put("amount_subtotal", subtotal);
        session.put("amount_total", total);
        totals.put(id, total);
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

    private final Map<String, ObjectNode> coupons = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> promotionCodes = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, Long> totals = new ConcurrentHashMap<>();

    /** The amount_total this server computed for a session (after its promotion code, if any). */
    long amountTotal(String sessionId) {
        return totals.get(sessionId);
    }

    Map<String, ObjectNode> promotionCodes() {
        return Map.copyOf(promotionCodes);
    }

    private synchronized String coupon(Map<String, String> form, String idempotencyKey) {
        String known = idempotencyKey == null ? null : byIdempotencyKey.get(idempotencyKey);
        if (known != null) {
            return coupons.get(known).toString();
        }
        ObjectNode c = VaticJson.mapper().createObjectNode();
        String id = "coupon_local" + (coupons.size() + 1);
        c.put("id", id);
        c.put("object", "coupon");
        c.put("duration", form.get("duration"));
        c.put("name", form.get("name"));
        if (form.containsKey("percent_off")) {
            c.put("percent_off", new java.math.BigDecimal(form.get("percent_off")));
        } else {
            c.put("amount_off", Long.parseLong(form.get("amount_off")));
            c.put("currency", form.get("currency"));
        }
        c.put("valid", true);
        coupons.put(id, c);
        if (idempotencyKey != null) {
            byIdempotencyKey.put(idempotencyKey, id);
        }
        return c.toString();
    }

    private synchronized String promotionCode(Map<String, String> form, String idempotencyKey) {
        String known = idempotencyKey == null ? null : byIdempotencyKey.get(idempotencyKey);
        if (known != null) {
            return promotionCodes.get(known).toString();
        }
        ObjectNode p = VaticJson.mapper().createObjectNode();
        String id = "promo_local" + (promotionCodes.size() + 1);
        p.put("id", id);
        p.put("object", "promotion_code");
        p.put("code", form.get("code"));
        p.put("active", true);
        p.put("coupon", form.get("promotion[coupon]"));
        p.putObject("promotion").put("type", form.get("promotion[type]")).put("coupon", form.get("promotion[coupon]"));
        if (form.containsKey("expires_at")) {
            p.put("expires_at", Long.parseLong(form.get("expires_at")));
        }
        promotionCodes.put(id, p);
        if (idempotencyKey != null) {
            byIdempotencyKey.put(idempotencyKey, id);
        }
        return p.toString();
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

    /** Delivers a webhook payload to core-service signed with {@code secret}, as Stripe would. */
    public static java.net.http.HttpResponse<String> deliver(com.vaticprop.core.CoreApi api, String payload,
                                                             String secret) {
        return api.send("POST", "/webhooks/stripe", payload, null, Map.of("Content-Type",
                "application/json; charset=utf-8", "Stripe-Signature", sign(payload, secret, Instant.now())));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
