package com.vaticprop.core.fairness;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.TestTicks;
import com.vaticprop.core.market.MarketFeed;
import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 item 5 end to end: traders trade over HTTP on live quotes from Kafka; the fairness report for the period
 * of planted hedging, copy trading and latency arbitrage names exactly those traders, the report for a period of
 * ordinary trading (quotes flowing steadily) names nobody, and the periodic report is produced by the schedule.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true", "STRIPE_SECRET_KEY=",
                "STRIPE_WEBHOOK_SECRET=", "vatic.identity.login.max-attempts-per-ip=10000",
                "vatic.trading.orders-per-second=1000", "vatic.assessments.max-active-per-user=50",
                "vatic.trading.stale-after.crypto=30s",
                // shorter than the defaults so the test need not wait minutes for gaps
                "vatic.fairness.quote-gap-crypto=2s", "vatic.fairness.after-gap=3s",
                "vatic.fairness.check-interval=1s"})
class FairnessApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final UUID TWO_STEP = DevelopmentSeed.tierId("Crypto Two-Step 100K");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, FairnessApiTest.class);
        ServiceTestProperties.redis(registry, FairnessApiTest.class);
        ServiceTestProperties.kafka(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
    }

    @Autowired
    private Environment environment;
    @Autowired
    private DevelopmentSeed seed;
    @Autowired
    private MarketFeed feed;
    @Autowired
    private QuoteTable quotes;
    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private CoreApi api;
    private TestTicks ticks;
    private String admin;

    @BeforeEach
    void ready() {
        api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
        await().atMost(Duration.ofSeconds(60)).until(feed::assigned);
        ticks = new TestTicks(quotes);
        admin = api.adminLogin();
    }

    @AfterEach
    void closeTicks() {
        ticks.close();
    }

    /** A trader with a started assessment. */
    private record Trader(String token, String userId, UUID assessment) {
    }

    @Test
    void plantedPatternsAreReportedAndOrdinaryTradingIsNot() throws Exception {
        Map<String, Trader> t = new HashMap<>();
        for (String name : List.of("hedgeA", "hedgeB", "copyC", "copyD", "fastE", "cleanF", "cleanG")) {
            t.put(name, trader());
        }

        // ordinary trading: quotes flow steadily, four traders' worth of different orders
        Instant cleanFrom = Instant.now();
        steady("BTC-USD", "ETH-USD");
        order(t.get("cleanF"), "BTC-USD", "BUY", "0.5");
        order(t.get("cleanG"), "ETH-USD", "BUY", "3");
        order(t.get("cleanF"), "BTC-USD", "SELL", "0.2");
        order(t.get("cleanG"), "ETH-USD", "SELL", "1");
        Instant cleanTo = Instant.now();
        Thread.sleep(50);

        Instant plantedFrom = Instant.now();
        // hedging: A long, B short, twice, seconds apart
        steady("BTC-USD");
        for (int i = 0; i < 2; i++) {
            order(t.get("hedgeA"), "BTC-USD", "BUY", "1");
            order(t.get("hedgeB"), "BTC-USD", "SELL", "0.9");
            order(t.get("hedgeA"), "BTC-USD", "SELL", "1");
            order(t.get("hedgeB"), "BTC-USD", "BUY", "0.9");
        }
        // copy trading: D repeats every order of C
        steady("ETH-USD");
        for (String[] o : new String[][]{{"BUY", "2"}, {"SELL", "1"}, {"SELL", "1"}}) {
            order(t.get("copyC"), "ETH-USD", o[0], o[1]);
            order(t.get("copyD"), "ETH-USD", o[0], o[1]);
        }
        // latency arbitrage: E trades only right after SOL's quotes come back from a silence
        ticks.publish("SOL-USD", "150", "150.05");
        for (int i = 0; i < 3; i++) {
            Thread.sleep(2_300);
            ticks.publish("SOL-USD", String.valueOf(151 + i), String.valueOf(151.05 + i));
            order(t.get("fastE"), "SOL-USD", "BUY", "1");
        }
        Instant plantedTo = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedGaps("SOL-USD") >= 3);

        JsonNode planted = report(plantedFrom, plantedTo);
        List<JsonNode> findings = new ArrayList<>();
        planted.get("findings").forEach(findings::add);
        assertThat(findings).extracting(f -> f.get("pattern").asString())
                .containsExactlyInAnyOrder("CROSS_ACCOUNT_HEDGING", "COPY_TRADING", "LATENCY_ARBITRAGE");
        for (JsonNode f : findings) {
            Set<String> users = new java.util.HashSet<>();
            f.get("users").forEach(u -> users.add(u.asString()));
            switch (f.get("pattern").asString()) {
                case "CROSS_ACCOUNT_HEDGING" -> {
                    assertThat(users).containsExactlyInAnyOrder(t.get("hedgeA").userId(), t.get("hedgeB").userId());
                    assertThat(f.get("occurrences").asInt()).isEqualTo(2);
                }
                case "COPY_TRADING" -> {
                    assertThat(users).containsExactlyInAnyOrder(t.get("copyC").userId(), t.get("copyD").userId());
                    assertThat(f.get("occurrences").asInt()).isEqualTo(3);
                }
                default -> {
                    assertThat(users).containsExactly(t.get("fastE").userId());
                    assertThat(f.get("occurrences").asInt()).isEqualTo(3);
                    assertThat(f.get("evidence").get(0).get("secondsAfterGap").asDouble()).isLessThan(3);
                }
            }
        }
        assertThat(planted.get("counts").get("COPY_TRADING").asInt()).isEqualTo(1);

        JsonNode clean = report(cleanFrom, cleanTo);
        assertThat(clean.get("findings").size()).as(clean.toString()).isZero();

        // stored, listed, audited; admins only
        JsonNode listed = expect(api.get("/admin/fairness/reports", admin), 200);
        List<String> ids = new ArrayList<>();
        listed.forEach(r -> ids.add(r.get("id").asString()));
        assertThat(ids).contains(planted.get("id").asString(), clean.get("id").asString());
        assertThat(expect(api.get("/admin/fairness/reports/" + planted.get("id").asString(), admin), 200)
                .get("findings").size()).isEqualTo(3);
        assertThat(expect(api.get("/admin/audit?action=fairness.report&subject=" + planted.get("id").asString(),
                admin), 200).get("items").size()).isEqualTo(1);
        assertProblem(api.get("/admin/fairness/reports", t.get("cleanF").token()), 403, "forbidden");
        assertProblem(api.post("/admin/fairness/reports", Map.of("from", "yesterday"), admin), 400, "validation");
        assertProblem(api.post("/admin/fairness/reports", Map.of("from", "2026-01-01T00:00:00Z",
                "to", "2026-03-01T00:00:00Z"), admin), 400, "validation");
    }

    @Test
    void theScheduleStoresOneReportForTheLastCompletePeriod() {
        JsonNode periodic = await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode r : expect(api.get("/admin/fairness/reports", admin), 200)) {
                if (r.get("trigger").asString().equals("PERIODIC")) {
                    return r;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        Instant to = Instant.parse(periodic.get("to").asString());
        assertThat(Duration.between(Instant.parse(periodic.get("from").asString()), to)).isEqualTo(Duration.ofDays(1));
        assertThat(to.getEpochSecond() % 86_400).as("aligned to the period").isZero();
        assertThat(to).isBeforeOrEqualTo(Instant.now());
        // the schedule runs every second; the period is stored once
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        long periodicCount = 0;
        for (JsonNode r : expect(api.get("/admin/fairness/reports", admin), 200)) {
            if (r.get("trigger").asString().equals("PERIODIC") && r.get("from").equals(periodic.get("from"))) {
                periodicCount++;
            }
        }
        assertThat(periodicCount).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Quotes once a second for 3.6 s (longer than after-gap), so the orders that follow come after no gap. */
    private void steady(String... instruments) throws InterruptedException {
        for (int k = 0; k < 5; k++) {
            for (String instrument : instruments) {
                switch (instrument) {
                    case "BTC-USD" -> ticks.publish(instrument, "60000", "60010");
                    case "ETH-USD" -> ticks.publish(instrument, "3000", "3001");
                    default -> ticks.publish(instrument, "150", "150.05");
                }
            }
            if (k < 4) {
                Thread.sleep(900);
            }
        }
    }

    private JsonNode report(Instant from, Instant to) {
        return expect(api.post("/admin/fairness/reports", Map.of("from", from.toString(), "to", to.toString()),
                admin), 201);
    }

    private long recordedGaps(String instrument) {
        return jdbc.sql("SELECT count(*) FROM quote_gaps WHERE instrument = ?").param(instrument).query(Long.class)
                .single();
    }

    private void order(Trader trader, String instrument, String side, String qty) {
        String body = com.vaticprop.platform.json.VaticJson.mapper().writeValueAsString(Map.of("instrument",
                instrument, "side", side, "type", "MARKET", "qty", qty));
        JsonNode o = expect(api.send("POST", "/assessments/" + trader.assessment() + "/orders", body,
                trader.token(), Map.of("Content-Type", "application/json", "Idempotency-Key",
                        UUID.randomUUID().toString())), 201);
        assertThat(o.get("status").asString()).isEqualTo("FILLED");
    }

    private Trader trader() {
        String email = "fair-" + UUID.randomUUID() + "@example.com";
        String id = api.register(email, PASSWORD);
        String token = api.login(email, PASSWORD);
        UUID assessment = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()),
                token), 201).get("assessmentId").asString());
        expect(api.post("/assessments/" + assessment + "/start", null, token), 200);
        return new Trader(token, id, assessment);
    }
}
