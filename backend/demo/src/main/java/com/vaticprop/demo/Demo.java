package com.vaticprop.demo;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The guided demo: a trader's whole journey through the public APIs of a running platform (./run-local), printed
 * step by step — register, buy a tier on the development payment path, start, trade over HTTP while the WebSocket
 * streams fills, equity and distances to the limits, drop the connection and resume it, run a Monte Carlo simulation
 * with its progress, breach a rule on purpose on a second assessment, download both reports — and checked: it exits
 * non-zero unless the cash re-derived from the fills equals the balance, the breach has the provoked reason, the
 * WebSocket delivered every fill (also those made while it was disconnected), the simulation SUCCEEDED (and its
 * progress and completion reached the WebSocket) and each report PDF has its pages.
 *
 * <p>usage: {@code Demo [host=127.0.0.1]} — core :3000, monte-carlo :3002, websocket :3003, report :3004.
 */
public final class Demo {

    private static final String PASSWORD = "demo passphrase 7d1e0c";
    private static final String BTC = "BTC-USD";

    private final Api core;
    private final Api monteCarlo;
    private final Api reports;
    private final String ws;
    private final Checks checks = new Checks();

    private Demo(String host) {
        this.core = new Api("http://" + host + ":3000");
        this.monteCarlo = new Api("http://" + host + ":3002");
        this.reports = new Api("http://" + host + ":3004");
        this.ws = "ws://" + host + ":3003";
    }

    public static void main(String[] args) {
        Demo demo = new Demo(args.length > 0 ? args[0] : "127.0.0.1");
        boolean ok;
        try {
            ok = demo.run();
        } catch (RuntimeException e) {
            System.out.println();
            System.out.println("DEMO STOPPED: " + e.getMessage());
            ok = false;
        }
        System.out.println();
        System.out.println((ok ? "DEMO PASSED — " : "DEMO FAILED — ") + demo.checks.summary());
        System.exit(ok ? 0 : 1);
    }

    private boolean run() {
        step("1. register and log in a trader");
        String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        core.post("/auth/register", Map.of("email", email, "password", PASSWORD));
        String token = core.post("/auth/login", Map.of("email", email, "password", PASSWORD)).get("accessToken")
                .asString();
        Api me = core.as(token);
        System.out.println("  " + email + " logged in");

        step("2. the tiers on sale; buy \"Crypto Two-Step 100K\" (development payment path) and start it");
        JsonNode tiers = core.get("/tiers");
        String tierId = null;
        for (JsonNode t : tiers) {
            System.out.printf("  %-30s %10s %s%n", t.get("name").asString(), t.path("price").asString(),
                    t.path("currency").asString());
            if (t.get("name").asString().equals("Crypto Two-Step 100K")) {
                tierId = t.get("id").asString();
            }
        }
        check(tierId != null, "the seed tier \"Crypto Two-Step 100K\" is on sale");
        String first = buyAndStart(me, tierId);

        step("3. connect the WebSocket (single-use ticket) and subscribe to the assessment and to BTC-USD");
        String channel = "assessment:" + first;
        LiveStream live = LiveStream.open(me, ws, first);
        live.subscribe(channel, null);
        live.subscribe("market:" + BTC, null);
        live.await(f -> ("market:" + BTC).equals(f.path("channel").asString()), 0, Duration.ofSeconds(15),
                "BTC-USD tick on the WebSocket");
        System.out.println("  subscribed; live BTC-USD ticks arriving");

        step("4. trade: 12 round trips of 0.01 BTC-USD at market (within the displayed size: filled at once)");
        for (int i = 0; i < 12; i++) {
            JsonNode buy = filled(me, first, me.order(first, BTC, "BUY", "0.01"));
            JsonNode sell = filled(me, first, me.order(first, BTC, "SELL", "0.01"));
            System.out.printf("  round trip %2d: bought at %s, sold at %s%n", i + 1,
                    buy.path("avgFillPrice").asString(), sell.path("avgFillPrice").asString());
            LiveStream.sleep(150);
        }
        live.await(f -> "assessment.account-snapshot".equals(f.path("type").asString()), 0, Duration.ofSeconds(10),
                "account snapshot on the WebSocket");
        LiveStream.sleep(1_000); // snapshots are conflated to at most two a second: let the latest one arrive
        List<JsonNode> snapshots = live.events(channel, "assessment.account-snapshot");
        JsonNode lastSnapshot = snapshots.getLast();
        showAccount(me.get("/assessments/" + first));
        System.out.println("  " + snapshots.size() + " live account snapshots on the WebSocket; the latest: equity "
                + lastSnapshot.path("data").path("equity").asString() + ", " + lastSnapshot.path("data").path("rules")
                .size() + " rules with their distances");

        step("5. drop the WebSocket, trade while disconnected, reconnect and resume with `since`");
        String since = live.lastOffset(channel);
        live.close();
        filled(me, first, me.order(first, BTC, "BUY", "0.01"));
        filled(me, first, me.order(first, BTC, "SELL", "0.01"));
        LiveStream resumed = LiveStream.open(me, ws, first);
        JsonNode subscribed = resumed.subscribe(channel, since);
        System.out.println("  resumed after offset " + since + ": " + subscribed);
        check(subscribed.path("recovered").asBoolean(), "the resume recovered the missed events (recovered: true)");

        step("6. Monte Carlo: simulate the assessment from its round trips, with progress");
        JsonNode sim = monteCarlo.as(token).post("/simulations", Map.of("assessmentId", first, "paths", 4_000_000,
                "horizonDays", 30, "seed", 42));
        String simId = sim.get("id").asString();
        JsonNode done = sim;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int shown = -1;
        while (System.nanoTime() < deadline) {
            done = monteCarlo.as(token).get("/simulations/" + simId);
            int pct = done.path("progressPct").asInt();
            if (pct != shown) {
                System.out.printf("  %s %d%%%n", done.get("status").asString(), pct);
                shown = pct;
            }
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(done.get("status").asString())) {
                break;
            }
            LiveStream.sleep(250);
        }
        check("SUCCEEDED".equals(done.path("status").asString()), "the simulation SUCCEEDED");
        JsonNode result = done.path("result");
        JsonNode p = result.path("passProbability");
        System.out.println("  pass probability " + p.path("estimate").asString() + " (95% CI " + p.path("ciLow")
                .asString() + " – " + p.path("ciHigh").asString() + ") over " + result.path("paths") + " paths");
        JsonNode completedLive = resumed.await(f -> "montecarlo.simulation-completed".equals(f.path("type")
                .asString()), 0, Duration.ofSeconds(20), "simulation-completed on the WebSocket");
        check(simId.equals(completedLive.path("data").path("simulationId").asString()),
                "the simulation's completion (from Kafka) reached the trader's WebSocket");
        List<String> progressLive = resumed.events(channel, "montecarlo.simulation-progress").stream()
                .filter(e -> simId.equals(e.path("data").path("simulationId").asString()))
                .map(e -> e.path("data").path("progressPct").asString() + "%").toList();
        check(!progressLive.isEmpty(), "its progress reached the WebSocket: " + progressLive);

        step("7. a second assessment, breached on purpose: round trips of 50 ETH-USD (about 1.7x leverage) until"
                + " the fees and the spread touch the 5% daily-loss floor");
        String second = buyAndStart(me, tierId);
        LiveStream watch = LiveStream.open(me, ws, second);
        watch.subscribe("assessment:" + second, null);
        String status = "ACTIVE";
        for (int i = 0; i < 40 && status.equals("ACTIVE"); i++) {
            try {
                filled(me, second, me.order(second, "ETH-USD", "BUY", "50"));
                filled(me, second, me.order(second, "ETH-USD", "SELL", "50"));
            } catch (Api.Failure f) {
                if (f.status != 409) {
                    throw f; // 409: the assessment failed between the two orders
                }
            }
            status = me.get("/assessments/" + second).get("status").asString();
            JsonNode acc = me.get("/assessments/" + second).path("account");
            System.out.printf("  round trip %2d: equity %s, status %s%n", i + 1, acc.path("equity").asString(), status);
        }
        JsonNode failed = me.get("/assessments/" + second);
        JsonNode violations = me.get("/assessments/" + second + "/violations");
        check("FAILED".equals(failed.get("status").asString())
                && "DAILY_LOSS".equals(failed.path("resultReason").asString()),
                "the assessment FAILED with the provoked reason DAILY_LOSS");
        check(violations.size() == 1 && "DAILY_LOSS".equals(violations.get(0).path("rule").asString()),
                "one violation, DAILY_LOSS, explained: " + (violations.isEmpty() ? "-" : violations.get(0)
                        .path("explanation")));
        watch.await(f -> "rules.violation-detected".equals(f.path("type").asString()), 0, Duration.ofSeconds(10),
                "the violation on the WebSocket");
        check(true, "the violation arrived live on the WebSocket");

        step("8. the books: cash re-derived from the fills, and every fill on the WebSocket");
        for (String id : List.of(first, second)) {
            JsonNode a = me.get("/assessments/" + id);
            JsonNode trades = me.get("/assessments/" + id + "/trades?limit=500");
            BigDecimal replayed = CashReplay.cash(new BigDecimal(a.path("account").path("initialBalance")
                    .asString("100000")), trades);
            BigDecimal balance = new BigDecimal(a.path("account").path("balance").asString());
            check(replayed.compareTo(balance) == 0, id + ": cash from " + trades.size() + " fills = "
                    + replayed.stripTrailingZeros().toPlainString() + ", the reported balance "
                    + balance.toPlainString());
        }
        Set<String> restFills = tradeIds(me.get("/assessments/" + first + "/trades?limit=500"));
        Set<String> liveFills = new HashSet<>();
        resumed.events(channel, "trading.order-filled").forEach(e -> liveFills.add(e.path("data").path("tradeId")
                .asString()));
        live.events(channel, "trading.order-filled").forEach(e -> liveFills.add(e.path("data").path("tradeId")
                .asString()));
        check(liveFills.equals(restFills), "the WebSocket delivered every fill of the first assessment ("
                + liveFills.size() + " of " + restFills.size() + ", the two made while disconnected included)");
        Set<String> secondFills = tradeIds(me.get("/assessments/" + second + "/trades?limit=500"));
        Set<String> secondLive = new HashSet<>();
        watch.await(f -> "assessment.completed".equals(f.path("type").asString()), 0, Duration.ofSeconds(10),
                "assessment.completed on the WebSocket");
        watch.events("assessment:" + second, "trading.order-filled").forEach(e -> secondLive.add(e.path("data")
                .path("tradeId").asString()));
        check(secondLive.equals(secondFills), "the WebSocket delivered every fill of the second assessment, the"
                + " breach's closing fill included (" + secondLive.size() + " of " + secondFills.size() + ")");
        resumed.close();
        watch.close();

        step("9. the reports: the failed assessment's stored report, the active one's interim report");
        Api reportApi = reports.as(token);
        JsonNode generation = awaitReport(reportApi, second);
        check("READY".equals(generation.path("report").path("status").asString()),
                second + ": the final report was generated on assessment.completed and stored ("
                        + generation.path("report") + ")");
        JsonNode failedReport = reportApi.get("/reports/" + second);
        check("FAILED".equals(failedReport.path("result").asString())
                        && "DAILY_LOSS".equals(failedReport.path("reason").asString()),
                second + ": the report says FAILED, DAILY_LOSS");
        JsonNode interim = reportApi.get("/reports/" + first);
        check(interim.path("interim").asBoolean(), first + ": the active assessment's report is marked interim");
        for (String id : List.of(first, second)) {
            byte[] pdf = reportApi.bytes("/reports/" + id + ".pdf");
            byte[] html = reportApi.bytes("/reports/" + id + ".html");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                check(doc.getNumberOfPages() >= 2 && html.length > 1_000, id + ": PDF " + pdf.length + " bytes, "
                        + doc.getNumberOfPages() + " pages; HTML " + html.length + " bytes");
            } catch (java.io.IOException e) {
                check(false, id + ": report PDF readable (" + e.getMessage() + ")");
            }
        }
        return checks.allHeld();
    }

    /** The report service reads the assessment's events from Kafka: its status is there within seconds. */
    private JsonNode awaitReport(Api reportApi, String assessmentId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            try {
                status = reportApi.get("/reports/" + assessmentId + "/status");
                if (Set.of("READY", "FAILED").contains(status.path("report").path("status").asString())) {
                    return status;
                }
            } catch (Api.Failure f) {
                if (f.status != 404) {
                    throw f;
                }
            }
            LiveStream.sleep(1_000);
        }
        return status == null ? Api.JSON.createObjectNode() : status;
    }

    private String buyAndStart(Api me, String tierId) {
        JsonNode purchase = me.post("/purchases", Map.of("tierId", tierId));
        String id = purchase.get("assessmentId").asString();
        JsonNode started = me.post("/assessments/" + id + "/start", null);
        System.out.println("  purchase " + purchase.get("status").asString() + ", assessment " + id + " "
                + started.get("status").asString());
        return id;
    }

    /**
     * Waits until a market order is FILLED: it takes at most the displayed size of each quote, the rest on the next
     * quotes. Returns the order as it ended (CANCELLED when the assessment failed meanwhile).
     */
    private JsonNode filled(Api me, String assessmentId, JsonNode order) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode now = order;
        while (Set.of("OPEN", "PARTIALLY_FILLED").contains(now.path("status").asString())
                && System.nanoTime() < deadline) {
            LiveStream.sleep(200);
            now = me.get("/assessments/" + assessmentId + "/orders/" + order.get("id").asString());
        }
        if (!Set.of("FILLED", "CANCELLED").contains(now.path("status").asString())) {
            throw new IllegalStateException("order not filled: " + now);
        }
        return now;
    }

    private static Set<String> tradeIds(JsonNode trades) {
        Set<String> ids = new HashSet<>();
        trades.forEach(t -> ids.add(t.path("id").asString()));
        return ids;
    }

    private void showAccount(JsonNode assessment) {
        JsonNode a = assessment.path("account");
        System.out.printf("  balance %s, equity %s, open P&L %s, today's P&L %s%n", a.path("balance").asString(),
                a.path("equity").asString(), a.path("openPnl").asString(), a.path("todayPnl").asString());
        for (JsonNode r : assessment.path("rules")) {
            System.out.printf("  %-14s value %-12s limit %-12s distance %-12s %s%n", r.path("rule").asString(),
                    r.path("value").asString(), r.path("limit").asString(), r.path("distance").asString(),
                    r.path("explanation").asString());
        }
    }

    private void check(boolean holds, String what) {
        checks.check(holds, what);
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
