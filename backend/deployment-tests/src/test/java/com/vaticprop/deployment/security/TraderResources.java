package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Real resources of one trader, created through the public API the way a trader makes them: a purchase (development
 * payment path) with its assessment, started, holding a resting limit order; a finished Monte Carlo simulation; and
 * the assessment known to report-service and monte-carlo-service (their copies come from Kafka events, so creation
 * waits for them — a cell must not see 404 only because an event was late).
 */
record TraderResources(Sessions.Trader owner, UUID purchaseId, UUID assessmentId, UUID openOrderId,
                       UUID simulationId) {

    /** The seeded "Crypto Two-Step 100K" tier (development seed), bought with the development payment path. */
    static final String TIER = "00841499-b687-3b4d-aebb-c77ae4f04eeb";

    /** A buy far below the market: it rests (OPEN) and can be cancelled. */
    static final String RESTING_ORDER = "{\"instrument\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\","
            + "\"qty\":\"0.01\",\"limitPrice\":\"1000.00\",\"tif\":\"GTC\"}";

    static TraderResources create(LiveApi api, Sessions.Trader trader) {
        String token = trader.token();
        JsonNode purchase = LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/purchases", token,
                "{\"tierId\":\"" + TIER + "\"}"));
        UUID purchaseId = UUID.fromString(purchase.path("id").asString());
        UUID assessment = UUID.fromString(purchase.path("assessmentId").asString());
        LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/assessments/" + assessment + "/start", token, null));

        // the first quotes of the simulated feed may not have arrived yet (a stale-quote rejection): retry
        HttpResponse<String> order = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.call(ServiceKind.CORE, "POST", "/assessments/" + assessment + "/orders", token,
                        RESTING_ORDER), r -> r.statusCode() == 201);
        UUID orderId = UUID.fromString(LiveApi.ok(order).path("id").asString());

        JsonNode ruleSet = LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/tiers/" + TIER, null, null))
                .path("ruleSet");
        JsonNode simulation = LiveApi.ok(api.call(ServiceKind.MONTE_CARLO, "POST", "/simulations", token,
                "{\"paths\":200,\"seed\":7,\"ruleSet\":" + ruleSet + ",\"sample\":{\"days\":" + days() + "}}"));
        UUID simulationId = UUID.fromString(simulation.path("id").asString());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                LiveApi.ok(api.call(ServiceKind.MONTE_CARLO, "GET", "/simulations/" + simulationId, token, null))
                        .path("status").asString().equals("SUCCEEDED"));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.call(ServiceKind.REPORT, "GET", "/reports/" + assessment + "/status", token, null)
                        .statusCode() == 200);
        // monte-carlo learns the assessment from assessment.created: until then it answers 404 for it
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.call(ServiceKind.MONTE_CARLO, "GET", "/simulations?assessmentId=" + assessment, token, null)
                        .statusCode() == 200
                        // a fresh assessment has no sample: 422 once known (nothing is queued), 404 before
                        && api.call(ServiceKind.MONTE_CARLO, "POST", "/simulations", token,
                        "{\"assessmentId\":\"" + assessment + "\"}").statusCode() == 422);
        return new TraderResources(trader, purchaseId, assessment, orderId, simulationId);
    }

    /** Five trading days, a sample monte-carlo accepts (its minimum is five). */
    private static String days() {
        StringBuilder days = new StringBuilder("[");
        int[] pnl = {1500, -500, 1200, 800, -700};
        long equity = 100_000;
        for (int i = 0; i < pnl.length; i++) {
            long open = equity;
            equity += pnl[i];
            days.append(i == 0 ? "" : ",").append("{\"day\":\"2026-10-0").append(i + 1)
                    .append("\",\"closeBalance\":\"").append(equity).append("\",\"closeEquity\":\"").append(equity)
                    .append("\",\"dayPnl\":\"").append(pnl[i]).append("\",\"minEquity\":\"")
                    .append(Math.min(open, equity) - 200).append("\",\"maxEquity\":\"")
                    .append(Math.max(open, equity) + 100).append("\",\"tradingDay\":true,\"fills\":2}");
        }
        return days.append("]").toString();
    }
}
