package com.vaticprop.core.trading;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.market.MarketFeed;
import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.ViolationDetected;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.kafka.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole assessments over HTTP against real PostgreSQL, Kafka and Redis: buy (development path), start, trade on
 * quotes published to the tick topics, breach on a quote (found by the risk monitor), and the events on Kafka in seq
 * order. Quotes are published here, as market-data would.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true", "STRIPE_SECRET_KEY=",
                "STRIPE_WEBHOOK_SECRET=", "vatic.identity.login.max-attempts-per-ip=10000",
                "vatic.trading.orders-per-second=1000", "vatic.assessments.max-active-per-user=50",
                // a slow CI machine must not turn a test's quote stale between publishing it and ordering on it
                "vatic.trading.stale-after.crypto=30s", "vatic.evidence.breach-window=3s"})
class TradingApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final UUID TWO_STEP = DevelopmentSeed.tierId("Crypto Two-Step 100K");
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, TradingApiTest.class);
        ServiceTestProperties.redis(registry, TradingApiTest.class);
        ServiceTestProperties.kafka(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        PRODUCER.close(Duration.ofSeconds(2));
    }

    @Autowired
    private Environment environment;
    @Autowired
    private DevelopmentSeed seed;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MarketFeed feed;
    @Autowired
    private QuoteTable quotes;
    @Autowired
    private com.vaticprop.core.engine.MonitorOwnership ownership;

    private final EventCodec codec = new EventCodec();
    private CoreApi api;
    private String trader;
    private String traderEmail;

    @BeforeEach
    void ready() {
        api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
        await().atMost(Duration.ofSeconds(60)).until(feed::assigned);
        String email = "trader-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        trader = api.login(email, PASSWORD);
        traderEmail = email;
    }

    @Test
    void buyStartTradeAndBreachTheDailyLossOnAQuoteWithEveryEventOnKafkaInSeqOrder() {
        UUID id = buyAndStart();
        JsonNode started = expect(api.get("/assessments/" + id, trader), 200);
        assertThat(started.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(started.get("phase").get("name").asString()).isEqualTo("Challenge");
        assertThat(started.get("account").get("balance").asString()).isEqualTo("100000");
        JsonNode maxLoss = rule(started, "MAX_LOSS");
        assertThat(maxLoss.get("limit").asString()).isEqualTo("90000");
        assertThat(maxLoss.get("explanation").asString()).isNotBlank();

        publish("BTC-USD", "60000", "60010");
        JsonNode order = expect(order(id, "k1", market("BUY", "1")), 201);
        assertThat(order.get("status").asString()).isEqualTo("FILLED");
        assertThat(order.get("avgFillPrice").asString()).isEqualTo("60010");
        // the same key and order: the same answer, nothing new
        assertThat(expect(order(id, "k1", market("BUY", "1")), 201).get("id").asString())
                .isEqualTo(order.get("id").asString());
        assertProblem(order(id, "k1", market("BUY", "2")), 409, "idempotency-key-reused");
        assertThat(jdbc.sql("SELECT count(*) FROM trades WHERE assessment_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);

        JsonNode after = expect(api.get("/assessments/" + id, trader), 200);
        // balance = 100000 − fee (10 bps of 60010); equity marks the long at the bid: −10 open P&L
        assertThat(after.get("account").get("balance").asString()).isEqualTo("99939.99");
        assertThat(after.get("account").get("openPnl").asString()).isEqualTo("-10");
        assertThat(after.get("account").get("equity").asString()).isEqualTo("99929.99");
        assertThat(expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200).size())
                .isEqualTo(1);
        // a filter that is no status name (a NUL byte reached PostgreSQL: a 500 found by the HTTP fuzzer) is a 400
        assertProblem(api.get("/assessments/" + id + "/positions?status=%00", trader), 400, "validation");
        assertProblem(api.get("/assessments/" + id + "/orders?status=OPEN%00", trader), 400, "validation");
        assertProblem(api.get("/assessments/" + id + "/rule-checks?rule=%F0%9F%9A%80", trader), 400, "validation");
        try (TopicReader<EventEnvelope<EventData>> snapshots =
                new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(),
                List.of(Topic.ACCOUNT_SNAPSHOT.topicName()), new EventCodec()::decode)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var mine = snapshots.matching(r -> id.equals(r.value().assessmentId()));
                assertThat(mine).isNotEmpty();
                var latest = (com.vaticprop.platform.events.data.AccountSnapshot) mine.getLast().value().data();
                assertThat(mine.getLast().key()).isEqualTo(id.toString());
                assertThat(mine.getLast().value().seq()).isNull();
                assertThat(latest.equity()).isEqualByComparingTo("99929.99");
                assertThat(latest.rules()).extracting(r -> r.rule()).contains("MAX_LOSS", "DAILY_LOSS");
            });
        }

        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(), assessmentTopics(),
                        new EventCodec()::decode)) {
            // 60010 → 54000: equity ≈ 93 930, under the daily floor 95 000 (above the max-loss floor 90 000)
            publish("BTC-USD", "54000", "54010");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    expect(api.get("/assessments/" + id, trader), 200).get("status").asString()).isEqualTo("FAILED"));
            JsonNode failed = expect(api.get("/assessments/" + id, trader), 200);
            assertThat(failed.get("resultReason").asString()).isEqualTo("DAILY_LOSS");
            JsonNode violations = expect(api.get("/assessments/" + id + "/violations", trader), 200);
            assertThat(violations.size()).isEqualTo(1);
            assertThat(violations.get(0).get("rule").asString()).isEqualTo("DAILY_LOSS");
            assertThat(violations.get(0).get("quote").get("bid").asString()).isEqualTo("54000");
            assertProblem(order(id, "k2", market("SELL", "1")), 409, "assessment-not-active");
            // the breach policy: the long is closed at the breach quote's bid, 54000, with the 10 bps fee (54);
            // 99939.99 − 6010 − 54 = 93875.99
            assertThat(failed.get("account").get("balance").asString()).isEqualTo("93875.99");
            assertThat(expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200).size())
                    .isZero();
            JsonNode closed = expect(api.get("/assessments/" + id + "/positions?status=CLOSED", trader), 200);
            assertThat(closed.size()).isEqualTo(1);
            assertThat(closed.get(0).get("exitPrice").asString()).isEqualTo("54000");
            JsonNode liquidation = expect(api.get("/assessments/" + id + "/orders", trader), 200);
            assertThat(liquidation.toString()).contains("liquidation:");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var events = kafka.matching(r -> id.equals(r.value().assessmentId()));
                List<String> types = events.stream().sorted(java.util.Comparator.comparing(r -> r.value().seq()))
                        .map(r -> r.value().type()).toList();
                assertThat(types).containsExactly("assessment.created", "assessment.started",
                        "trading.order-placed", "trading.order-filled", "trading.position-opened",
                        "rules.violation-detected", "trading.order-placed", "trading.order-filled",
                        "trading.position-closed", "assessment.completed");
                assertThat(events.stream().map(r -> r.value().seq()).sorted().toList())
                        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
                var completed = events.stream().filter(r -> r.value().type().equals("assessment.completed"))
                        .findFirst().orElseThrow();
                assertThat(((AssessmentCompleted) completed.value().data()).reason())
                        .isEqualTo(AssessmentCompleted.Reason.DAILY_LOSS);
                var violation = events.stream().filter(r -> r.value().type().equals("rules.violation-detected"))
                        .findFirst().orElseThrow();
                assertThat(((ViolationDetected) violation.value().data()).quote().bid()).isEqualByComparingTo("54000");
            });
        }
        // the stored evidence replays to the same fills and the same breach
        String admin = api.adminLogin();
        assertProblem(api.post("/admin/assessments/" + id + "/replay", null, trader), 403, "forbidden");
        JsonNode replay = expect(api.post("/admin/assessments/" + id + "/replay", null, admin), 200);
        assertThat(replay.get("agrees").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.get("replayedStatus").asString()).isEqualTo("FAILED");
        assertThat(replay.get("replayedFills").asInt()).isEqualTo(2); // the trader's buy and the breach close
        assertThat(replay.get("replayedViolations").get(0).asString()).isEqualTo("DAILY_LOSS");
        // tampering with the stored record is detected
        jdbc.sql("UPDATE trades SET price = 59000 WHERE assessment_id = ?").param(id).update();
        JsonNode tampered = expect(api.post("/admin/assessments/" + id + "/replay", null, admin), 200);
        assertThat(tampered.get("agrees").asBoolean()).isFalse();
        assertThat(tampered.get("differences").get(0).get("what").asString()).isEqualTo("fills");
    }

    @Test
    void aBreachKeepsTheTicksAroundItAsEvidenceForAdmins() {
        UUID id = buyAndStart();
        publish("ETH-USD", "3000", "3001");
        expect(order(id, "e1", Map.of("instrument", "ETH-USD", "side", "BUY", "type", "MARKET", "qty", "5")), 201);
        publish("ETH-USD", "2700", "2701");
        publish("ETH-USD", "2400", "2401");
        publish("ETH-USD", "1990", "1991"); // 5 × (3001 − 1990) + fees ≈ 5,070 lost: under the daily floor
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(expect(api.get("/assessments/" + id,
                trader), 200).get("status").asString()).isEqualTo("FAILED"));
        publish("ETH-USD", "2950", "2951"); // the market right after the breach
        String violationId = expect(api.get("/assessments/" + id + "/violations", trader), 200).get(0).get("id")
                .asString();
        String path = "/admin/assessments/" + id + "/violations/" + violationId + "/evidence";
        assertProblem(api.get(path, trader), 403, "forbidden");
        String admin = api.adminLogin();
        assertProblem(api.get("/admin/assessments/" + UUID.randomUUID() + "/violations/" + violationId + "/evidence",
                admin), 404, "not-found");
        // the ticks after the breach are written once the 3 s window has passed
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode evidence = expect(api.get(path, admin), 200);
            assertThat(evidence.get("rule").asString()).isEqualTo("DAILY_LOSS");
            assertThat(evidence.get("instrument").asString()).isEqualTo("ETH-USD");
            List<String> bids = new java.util.ArrayList<>();
            evidence.get("ticks").forEach(t -> bids.add(new BigDecimal(t.get("bid").asString()).stripTrailingZeros()
                    .toPlainString() + (t.get("breachQuote").asBoolean() ? "*" : "")));
            assertThat(bids).containsSubsequence("2700", "2400", "1990*", "2950");
            assertThat(bids.stream().filter(b -> b.endsWith("*"))).containsExactly("1990*");
        });
    }

    @Test
    void anAdminVoidsABadTickBreachAndTheAssessmentIsExactlyAsItWasBeforeTheTick() {
        UUID id = buyAndStart();
        publish("BTC-USD", "60000", "60010");
        expect(order(id, "v1", market("BUY", "1")), 201);
        JsonNode resting = expect(order(id, "v2", Map.of("instrument", "BTC-USD", "side", "BUY", "type", "LIMIT",
                "qty", "0.5", "limitPrice", "50000", "tif", "GTC")), 201);
        publish("BTC-USD", "60100", "60110");
        JsonNode before = expect(api.get("/assessments/" + id, trader), 200);
        JsonNode positionsBefore = expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200);
        JsonNode tradesBefore = expect(api.get("/assessments/" + id + "/trades", trader), 200);
        assertThat(positionsBefore).hasSize(1);

        // a bad tick: it fills the resting bid at its ask, the monitor fails the account and liquidates it
        publish("BTC-USD", "1000", "1010");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(expect(api.get("/assessments/" + id,
                trader), 200).get("status").asString()).isEqualTo("FAILED"));
        assertThat(expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200)).isEmpty();
        assertThat(expect(api.get("/assessments/" + id + "/trades", trader), 200)).hasSize(3);
        publish("BTC-USD", "60050", "60060"); // the market was never there
        String violationId = expect(api.get("/assessments/" + id + "/violations", trader), 200).get(0).get("id")
                .asString();
        String path = "/admin/assessments/" + id + "/violations/" + violationId + "/void";
        Map<String, String> body = Map.of("reason", "BTC tick at 1000 from one venue, every other venue at 60,000");

        assertProblem(api.post(path, body, trader), 403, "forbidden");
        String admin = api.adminLogin();
        assertProblem(api.post(path, Map.of("reason", " "), admin), 400, "validation");
        assertProblem(api.post("/admin/assessments/" + id + "/violations/" + UUID.randomUUID() + "/void", body,
                admin), 404, "not-found");
        assertThat(expect(api.get("/assessments/" + id, trader), 200).get("status").asString()).isEqualTo("FAILED");

        JsonNode voided = expect(api.post(path, body, admin), 200);
        assertThat(voided.get("restoredState").asString()).isEqualTo("ACTIVE");
        assertThat(voided.get("voidedTrades").asInt()).isEqualTo(2); // the bid's fill on the bad tick, the close
        assertThat(voided.get("reopenedPositions").asInt()).isEqualTo(1);
        assertThat(voided.get("workingOrders").asInt()).isEqualTo(1);

        JsonNode after = expect(api.get("/assessments/" + id, trader), 200);
        assertThat(after.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("account").get("balance").asString())
                .isEqualTo(before.get("account").get("balance").asString());
        JsonNode positionsAfter = expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200);
        assertThat(positionsAfter).hasSize(1);
        for (String field : List.of("id", "instrument", "side", "qty", "avgEntry", "realizedPnl", "fees", "openedAt")) {
            assertThat(positionsAfter.get(0).get(field)).as(field).isEqualTo(positionsBefore.get(0).get(field));
        }
        assertThat(expect(api.get("/assessments/" + id + "/trades", trader), 200)).isEqualTo(tradesBefore);
        JsonNode restingAfter = expect(api.get("/assessments/" + id + "/orders/" + resting.get("id").asString(),
                trader), 200);
        assertThat(restingAfter.get("status").asString()).isEqualTo("OPEN");
        assertThat(new BigDecimal(restingAfter.get("filledQty").asString())).isZero();
        JsonNode violation = expect(api.get("/assessments/" + id + "/violations", trader), 200).get(0);
        assertThat(violation.get("voidedAt").isNull()).isFalse();
        // the voided trades are kept on record, marked
        assertThat(jdbc.sql("SELECT count(*) FROM trades WHERE assessment_id = ? AND voided_at IS NOT NULL")
                .param(id).query(Integer.class).single()).isEqualTo(2);

        // announced, audited, the trader told
        JsonNode reinstated = com.vaticprop.platform.json.VaticJson.mapper().readTree(jdbc.sql("SELECT CAST(payload AS TEXT) FROM outbox WHERE assessment_id = ? "
                + "AND event_type = 'assessment.reinstated'").param(id).query(String.class).single()).get("data");
        assertThat(reinstated.get("voidedViolationId").asString()).isEqualTo(violationId);
        assertThat(reinstated.get("restoredState").asString()).isEqualTo("ACTIVE");
        assertThat(reinstated.get("voidedTradeIds")).hasSize(2);
        assertThat(reinstated.get("reopenedPositionIds").get(0).asString())
                .isEqualTo(positionsBefore.get(0).get("id").asString());
        JsonNode audit = expect(api.get("/admin/audit?action=assessment.void-breach&subject=" + id, admin), 200);
        assertThat(audit.get("items")).singleElement().satisfies(a ->
                assertThat(a.get("reason").asString()).contains("BTC tick at 1000"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> subjects = new ArrayList<>();
            expect(api.get("/admin/mail?to=" + traderEmail, admin), 200)
                    .forEach(m -> subjects.add(m.get("subject").asString()));
            assertThat(subjects).contains("Your assessment has been reinstated");
        });

        assertProblem(api.post(path, body, admin), 409, "already-voided");
        // it trades on: closing the position books against the restored one
        assertThat(expect(order(id, "v3", market("SELL", "1")), 201).get("status").asString()).isEqualTo("FILLED");
        assertThat(expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200)).isEmpty();
        // and the stored evidence replays to the same fills and verdict, the voided ones left out
        JsonNode replay = expect(api.post("/admin/assessments/" + id + "/replay", null, admin), 200);
        assertThat(replay.get("agrees").asBoolean()).as(replay.toString()).isTrue();
    }

    @Test
    void aBreachAnAdminMadeCannotBeVoidedAsABadTick() {
        UUID id = buyAndStart();
        String admin = api.adminLogin();
        expect(api.post("/admin/assessments/" + id + "/fail", Map.of("reason", "terms breached"), admin), 200);
        assertThat(expect(api.get("/assessments/" + id + "/violations", trader), 200)).isEmpty();
        UUID otherAssessment = buyAndStart();
        publish("ETH-USD", "3000", "3001");
        expect(order(otherAssessment, "x1", Map.of("instrument", "ETH-USD", "side", "BUY", "type", "MARKET",
                "qty", "10")), 201);
        publish("ETH-USD", "100", "101");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(expect(api.get("/assessments/"
                + otherAssessment, trader), 200).get("status").asString()).isEqualTo("FAILED"));
        String foreignViolation = expect(api.get("/assessments/" + otherAssessment + "/violations", trader), 200)
                .get(0).get("id").asString();
        // another assessment's violation is not this one's
        assertProblem(api.post("/admin/assessments/" + id + "/violations/" + foreignViolation + "/void",
                Map.of("reason", "x"), admin), 404, "not-found");
        publish("ETH-USD", "3000", "3001");
    }

    @Test
    void badOrdersAre4xxAndChangeNothing() {
        UUID id = buyAndStart();
        publish("BTC-USD", "60000", "60010");
        assertProblem(api.post("/assessments/" + id + "/orders", market("BUY", "1"), trader), 400,
                "idempotency-key-required");
        assertProblem(order(id, "b1", market("BUY", "0")), 400, "validation");
        assertProblem(order(id, "b2", market("BUY", "-1")), 400, "validation");
        assertProblem(order(id, "b3", market("BUY", "NaN")), 400, "validation");
        assertProblem(order(id, "b4", market("BUY", "1e9")), 400, "validation");
        assertProblem(order(id, "b5", Map.of("instrument", "DOGE-USD", "side", "BUY", "type", "MARKET",
                "qty", "1")), 400, "validation");
        assertProblem(order(id, "b6", Map.of("instrument", "BTC-USD", "side", "BUY", "type", "LIMIT",
                "qty", "1")), 400, "validation");
        // an empty enum is a wrong value, not a missing one (the HTTP fuzz found "tif": "" placing a GTC order)
        assertProblem(order(id, "b6t", Map.of("instrument", "BTC-USD", "side", "BUY", "type", "LIMIT", "qty", "0.01",
                "limitPrice", "1000", "tif", "")), 400, "validation");
        assertProblem(order(id, "b6s", Map.of("instrument", "BTC-USD", "side", " ", "type", "MARKET", "qty", "1")),
                400, "validation");
        HttpResponse<String> disallowed = order(id, "b7", Map.of("instrument", "KALSHI:FED-25DEC:YES", "side", "BUY",
                "type", "MARKET", "qty", "1"));
        assertProblem(disallowed, 422, "order-rejected");
        assertThat(CoreApi.json(disallowed).get("check").asString()).isEqualTo("INSTRUMENT_ALLOWED");
        HttpResponse<String> tooBig = order(id, "b8", market("BUY", "100"));
        assertProblem(tooBig, 422, "order-rejected");
        assertThat(CoreApi.json(tooBig).get("check").asString()).isEqualTo("BUYING_POWER");
        // a reduce-only order with nothing to reduce
        HttpResponse<String> reduce = order(id, "b9", Map.of("instrument", "BTC-USD", "side", "SELL", "type",
                "MARKET", "qty", "1", "reduceOnly", true));
        assertProblem(reduce, 422, "order-rejected");
        assertThat(CoreApi.json(reduce).get("check").asString()).isEqualTo("REDUCE_ONLY");

        assertThat(jdbc.sql("SELECT count(*) FROM trades WHERE assessment_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(expect(api.get("/assessments/" + id, trader), 200).get("account").get("balance").asString())
                .isEqualTo("100000");

        // another trader sees nothing
        String other = otherTrader();
        assertProblem(api.get("/assessments/" + id, other), 404, "not-found");
        assertProblem(order(id, "x1", market("BUY", "1"), other), 404, "not-found");
        assertProblem(api.get("/assessments/" + id + "/orders", other), 404, "not-found");
    }

    @Test
    void staleQuotesAreRefusedNotUsed() {
        UUID id = buyAndStart();
        publish("ETH-USD", "3000", "3001", Instant.now().minusSeconds(90));
        HttpResponse<String> stale = order(id, "s1", market("BUY", "1", "ETH-USD"));
        assertProblem(stale, 422, "order-rejected");
        assertThat(CoreApi.json(stale).get("check").asString()).isEqualTo("QUOTE_FRESH");
        HttpResponse<String> none = order(id, "s2", market("BUY", "1", "SOL-USD"));
        assertProblem(none, 422, "order-rejected");
    }

    @Test
    void lifecycleCommandsFollowTheStateMachine() {
        UUID id = buy();
        assertProblem(api.post("/assessments/" + id + "/pause", null, trader), 409, "illegal-transition");
        expect(api.post("/assessments/" + id + "/start", null, trader), 200);
        assertProblem(api.post("/assessments/" + id + "/start", null, trader), 409, "illegal-transition");
        assertThat(expect(api.post("/assessments/" + id + "/pause", null, trader), 200).get("status").asString())
                .isEqualTo("PAUSED");
        publish("BTC-USD", "60000", "60010");
        assertProblem(order(id, "p1", market("BUY", "0.1")), 409, "assessment-not-active");
        assertThat(expect(api.post("/assessments/" + id + "/resume", null, trader), 200).get("status").asString())
                .isEqualTo("ACTIVE");
        assertProblem(api.post("/assessments/" + id + "/start", null, otherTrader()), 404, "not-found");
        JsonNode abandoned = expect(api.post("/assessments/" + id + "/abandon", null, trader), 200);
        assertThat(abandoned.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(abandoned.get("abandonReason").asString()).isEqualTo("TRADER");
        assertProblem(api.post("/assessments/" + id + "/resume", null, trader), 409, "illegal-transition");

        JsonNode list = expect(api.get("/assessments?status=ABANDONED", trader), 200);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id.toString());
        assertProblem(api.get("/assessments?status=WHATEVER", trader), 400, "validation");
        assertThat(jdbc.sql("SELECT last_seq FROM assessments WHERE id = ?").param(id).query(Long.class).single())
                .as("created, started, paused, resumed, abandoned").isEqualTo(5);
    }

    @Test
    void concurrentOrdersOnOneAccountEndAsIfPlacedOneByOne() throws Exception {
        UUID id = buyAndStart();
        publish("BTC-USD", "60000", "60010");
        int n = 100;
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "c" + i;
                sent.add(pool.submit(() -> order(id, key, market("BUY", "0.001"))));
            }
            for (Future<HttpResponse<String>> f : sent) {
                statuses.add(f.get().statusCode());
            }
        }
        assertThat(statuses).containsOnly(201);
        Map<String, Object> account = jdbc.sql("SELECT balance, fees_paid FROM virtual_accounts "
                + "WHERE assessment_id = ? AND phase_index = 0").param(id).query().singleRow();
        // each fill: 0.001 × 60010 = 60.01 notional, fee 10 bps = 0.06001
        assertThat((BigDecimal) account.get("fees_paid")).isEqualByComparingTo(new BigDecimal("0.06001")
                .multiply(BigDecimal.valueOf(n)));
        assertThat((BigDecimal) account.get("balance")).isEqualByComparingTo(new BigDecimal("100000")
                .subtract(new BigDecimal("0.06001").multiply(BigDecimal.valueOf(n))));
        JsonNode positions = expect(api.get("/assessments/" + id + "/positions?status=OPEN", trader), 200);
        assertThat(positions.size()).isEqualTo(1);
        assertThat(positions.get(0).get("qty").asString()).isEqualTo("0.1");
        List<Long> seqs = jdbc.sql("SELECT seq FROM outbox WHERE assessment_id = ? ORDER BY seq").param(id)
                .query(Long.class).list();
        assertThat(seqs).hasSize((int) (long) seqs.getLast()).startsWith(1L, 2L);
        assertThat(jdbc.sql("SELECT count(*) FROM trades WHERE assessment_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(n);
    }

    @Test
    void aTwoStepAssessmentPassesPhaseOneThenPhaseTwoAndIsFundedEligible() {
        String admin = api.adminLogin();
        Map<String, Object> ruleSet = Map.of("initialBalance", "100000", "currency", "USD",
                "dayBoundary", Map.of("zone", "UTC", "time", "00:00"), "instruments", List.of("BTC-USD"),
                "profitSplitPct", "80",
                "phases", List.of(Map.of("name", "Challenge", "profitTargetPct", "1", "minTradingDays", 1),
                        Map.of("name", "Verification", "profitTargetPct", "1", "minTradingDays", 1)),
                "tradingDay", Map.of("minTradeNotionalPctOfInitial", "0"),
                "maxLoss", Map.of("pct", "10", "mode", "STATIC", "lockAtInitial", false, "lockOffset", "0"),
                "exposure", Map.of("maxLeverage", "2", "fillDelayMs", 0));
        String tier = expect(api.post("/tiers", Map.of("name", "Quick Two-Step " + UUID.randomUUID(), "price",
                "10.00", "currency", "USD", "ruleSet", ruleSet), admin), 201).get("id").asString();
        UUID id = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", tier), trader), 201)
                .get("assessmentId").asString());
        expect(api.post("/assessments/" + id + "/start", null, trader), 200);

        for (int phase = 0; phase < 2; phase++) {
            publish("BTC-USD", "60000", "60010");
            expect(order(id, "open-" + phase, market("BUY", "1")), 201);
            publish("BTC-USD", "62000", "62010");
            expect(order(id, "close-" + phase, market("SELL", "1")), 201);
        }
        JsonNode passed = expect(api.get("/assessments/" + id, trader), 200);
        assertThat(passed.get("status").asString()).isEqualTo("PASSED");
        assertThat(passed.get("resultReason").asString()).isEqualTo("TARGET_MET");
        assertThat(passed.get("phase").get("index").asInt()).isEqualTo(1);
        assertThat(passed.get("phase").get("name").asString()).isEqualTo("Verification");
        assertThat(passed.get("fundedEligible").asBoolean()).isTrue();
        // each phase: +1990 realized, fees 60.01 + 62.00 → 101867.99, on its own account
        List<Map<String, Object>> accounts = jdbc.sql("SELECT phase_index, initial_balance, balance, realized_pnl, "
                + "fees_paid, closed_at FROM virtual_accounts WHERE assessment_id = ? ORDER BY phase_index")
                .param(id).query().listOfRows();
        assertThat(accounts).hasSize(2);
        for (Map<String, Object> account : accounts) {
            assertThat((BigDecimal) account.get("balance")).isEqualByComparingTo("101867.99");
            assertThat((BigDecimal) account.get("realized_pnl")).isEqualByComparingTo("1990");
            assertThat((BigDecimal) account.get("fees_paid")).isEqualByComparingTo("122.01");
            assertThat(account.get("closed_at")).isNotNull();
        }
        List<String> types = jdbc.sql("SELECT event_type FROM outbox WHERE assessment_id = ? ORDER BY seq")
                .param(id).query(String.class).list();
        assertThat(types).containsSubsequence("assessment.created", "assessment.started", "trading.order-filled",
                "trading.position-closed", "assessment.phase-passed", "trading.order-filled",
                "trading.position-closed", "assessment.completed", "assessment.funded-eligible");
        assertThat(types).doesNotContain("rules.violation-detected");
        // the funded handoff (issue 10): right after the completion, in seq order, with the payout split
        Map<String, Object> funded = jdbc.sql("SELECT seq, payload FROM outbox WHERE assessment_id = ? "
                + "AND event_type = 'assessment.funded-eligible'").param(id).query().singleRow();
        long completedSeq = jdbc.sql("SELECT seq FROM outbox WHERE assessment_id = ? "
                + "AND event_type = 'assessment.completed'").param(id).query(Long.class).single();
        assertThat((Long) funded.get("seq")).isEqualTo(completedSeq + 1);
        JsonNode handoff = com.vaticprop.platform.json.VaticJson.mapper().readTree(funded.get("payload").toString())
                .get("data");
        assertThat(handoff.get("profitSplitPct").asString()).isEqualTo("80");
        assertThat(new BigDecimal(handoff.get("finalBalance").asString())).isEqualByComparingTo("101867.99");
        assertThat(handoff.get("userId").asString()).isEqualTo(expect(api.get("/me", trader), 200).get("id")
                .asString());
    }

    @Test
    void twoReplicasTradeOneAccountRecordABreachOnceAndTheSurvivorMonitorsTheOthersAssessments() {
        ConfigurableApplicationContext replicaB = secondReplica();
        UUID first;
        UUID second;
        try {
            CoreApi b = new CoreApi(Integer.parseInt(replicaB.getEnvironment().getRequiredProperty(
                    "local.server.port")));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(b.get("/ready", null).statusCode()).isEqualTo(200));
            QuoteTable quotesB = replicaB.getBean(QuoteTable.class);
            await().atMost(Duration.ofSeconds(60)).until(replicaB.getBean(MarketFeed.class)::assigned);

            first = buyAndStart();
            // exactly one replica monitors each assessment once the group has split the partitions
            com.vaticprop.core.engine.MonitorOwnership ownerA = ownership;
            com.vaticprop.core.engine.MonitorOwnership ownerB =
                    replicaB.getBean(com.vaticprop.core.engine.MonitorOwnership.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> ownerA.ownsAny() && ownerB.ownsAny());
            UUID probe = first;
            await().atMost(Duration.ofSeconds(10)).until(() -> ownerA.owns(probe) ^ ownerB.owns(probe));
            publish("BTC-USD", "60000", "60010");
            await().atMost(Duration.ofSeconds(20)).until(() -> quotesB.quote("BTC-USD")
                    .map(q -> q.bid().compareTo(new BigDecimal("60000")) == 0).orElse(false));
            // orders alternate between the replicas; each sees the other's fills
            expect(order(first, "a1", market("BUY", "0.5")), 201);
            expect(orderVia(b, first, "b1", market("BUY", "0.5")), 201);
            expect(order(first, "a2", market("SELL", "0.2")), 201);
            expect(orderVia(b, first, "b2", market("BUY", "0.2")), 201);
            assertThat(expect(api.get("/assessments/" + first + "/positions?status=OPEN", trader), 200).get(0)
                    .get("qty").asString()).isEqualTo("1");
            assertThat(expect(b.get("/assessments/" + first, trader), 200).get("account").get("balance"))
                    .isEqualTo(expect(api.get("/assessments/" + first, trader), 200).get("account").get("balance"));

            // both replicas see the breaching quote; the breach is written once
            second = buyAndStart();
            expect(orderVia(b, second, "s1", market("BUY", "1")), 201);
            publish("BTC-USD", "54000", "54010");
            UUID breached = first;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(expect(api.get("/assessments/"
                    + breached, trader), 200).get("status").asString()).isEqualTo("FAILED"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(expect(api.get("/assessments/"
                    + second, trader), 200).get("status").asString()).isEqualTo("FAILED"));
            publish("BTC-USD", "53000", "53010");
            Thread.sleep(1500);
            for (UUID id : List.of(first, second)) {
                assertThat(jdbc.sql("SELECT count(*) FROM violations WHERE assessment_id = ?").param(id)
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE assessment_id = ? AND event_type IN "
                                + "('rules.violation-detected', 'assessment.completed')").param(id)
                        .query(Long.class).single()).isEqualTo(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            replicaB.close();
        }
        // replica B is gone: an assessment that only B ever touched is watched by A (discovery ≤ 5 s)
        UUID orphan = buyAndStart();
        ConfigurableApplicationContext replicaC = secondReplica();
        try {
            CoreApi c = new CoreApi(Integer.parseInt(replicaC.getEnvironment().getRequiredProperty(
                    "local.server.port")));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(c.get("/ready", null).statusCode()).isEqualTo(200));
            await().atMost(Duration.ofSeconds(60)).until(replicaC.getBean(MarketFeed.class)::assigned);
            publish("BTC-USD", "60000", "60010");
            await().atMost(Duration.ofSeconds(20)).until(() -> replicaC.getBean(QuoteTable.class).quote("BTC-USD")
                    .map(q -> q.bid().compareTo(new BigDecimal("60000")) == 0).orElse(false));
            expect(orderVia(c, orphan, "o1", market("BUY", "1")), 201);
        } finally {
            replicaC.close();
        }
        long stoppedAt = System.nanoTime();
        publish("BTC-USD", "54000", "54010");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(expect(api.get("/assessments/"
                + orphan, trader), 200).get("status").asString()).isEqualTo("FAILED"));
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(15));
    }

    /**
     * A replica that dies without leaving the consumer group (SIGKILL of a separate JVM): its partitions reach the
     * survivor after the short session timeout, and the survivor loads their assessments and judges them on the
     * latest quotes — the breaching quote, published after the kill, fails the orphan within 15 s of the kill.
     */
    @Test
    void aKilledReplicasAssessmentsAreMonitoredByTheSurvivorWithin15Seconds() throws Exception {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        for (String key : List.of("DATABASE_URL", "REDIS_HOST", "REDIS_PORT", "KAFKA_BROKERS",
                "vatic.redis.key-prefix", "spring.kafka.bootstrap-servers")) {
            props.put(key, environment.getRequiredProperty(key));
        }
        props.putAll(Map.of("APP_ENV", "development", "vatic.seed.enabled", "false", "STRIPE_SECRET_KEY", "",
                "STRIPE_WEBHOOK_SECRET", "", "vatic.trading.stale-after.crypto", "30s", "server.port", "0"));
        publish("BTC-USD", "60000", "60010");
        try (ReplicaProcess killed = ReplicaProcess.start(CoreServiceApplication.class, props,
                java.nio.file.Path.of("target", "killed-replica.log"))) {
            // the other JVM has joined the monitor group once this replica no longer owns every assessment
            List<UUID> bought = new java.util.ArrayList<>();
            UUID orphan = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                killed.assertAlive();
                if (bought.size() < 12) {
                    bought.add(buyAndStart());
                }
                return bought.stream().filter(id -> !ownership.owns(id)).findFirst().orElse(null);
            }, java.util.Objects::nonNull);
            publish("BTC-USD", "60000", "60010");
            expect(order(orphan, "k1", market("BUY", "1")), 201);
            Thread.sleep(1_000); // the owner has read the fill (it refreshes on trading events)
            long killedAt = System.nanoTime();
            killed.kill();
            assertThat(ownership.owns(orphan)).as("owned by the survivor before the group noticed").isFalse();
            publish("BTC-USD", "54000", "54010");
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(expect(api.get("/assessments/" + orphan, trader), 200).get("status").asString())
                            .isEqualTo("FAILED"));
            Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(took).isLessThan(Duration.ofSeconds(15));
            assertThat(ownership.owns(orphan)).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM violations WHERE assessment_id = ?").param(orphan)
                    .query(Long.class).single()).isEqualTo(1);
            System.out.println("survivor failed the killed replica's assessment " + took.toMillis() + " ms after the kill");
        }
    }

    @Test
    void adminsForceFailExtendAndHaltAndEveryActionIsAudited() {
        String admin = api.adminLogin();
        UUID id = buyAndStart();
        assertProblem(api.post("/admin/assessments/" + id + "/fail", Map.of("reason", "x"), trader), 403, "forbidden");
        assertProblem(api.post("/admin/assessments/" + id + "/extend", Map.of("days", 0, "reason", "x"), admin), 400,
                "validation");
        JsonNode extended = expect(api.post("/admin/assessments/" + id + "/extend",
                Map.of("days", 10, "reason", "exchange outage on 2026-11-20"), admin), 200);
        assertThat(extended.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT CAST(rule_set -> 'phases' -> 0 ->> 'maxDurationDays' AS INT) FROM assessments "
                + "WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(40);
        assertThat(rule(extended, "MAX_DURATION").get("limit").asString()).isEqualTo("40");

        publish("BTC-USD", "60000", "60010");
        expect(api.post("/admin/instruments/BTC-USD/halt", Map.of("reason", "bad ticks from the venue"), admin), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> quotes.status("BTC-USD")
                == com.vaticprop.trading.market.MarketStatus.HALTED);
        HttpResponse<String> halted = order(id, "h1", market("BUY", "0.1"));
        assertProblem(halted, 422, "order-rejected");
        assertThat(CoreApi.json(halted).get("check").asString()).isEqualTo("MARKET_OPEN");
        expect(api.post("/admin/instruments/BTC-USD/resume", Map.of("reason", "venue fixed"), admin), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> quotes.status("BTC-USD")
                == com.vaticprop.trading.market.MarketStatus.OPEN);
        publish("BTC-USD", "60000", "60010");
        assertThat(expect(order(id, "h2", market("BUY", "0.1")), 201).get("status").asString()).isEqualTo("FILLED");

        JsonNode failed = expect(api.post("/admin/assessments/" + id + "/fail",
                Map.of("reason", "account sharing confirmed"), admin), 200);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("resultReason").asString()).isEqualTo("ADMIN");
        List<String> actions = jdbc.sql("SELECT payload -> 'data' ->> 'action' FROM outbox WHERE event_type = "
                + "'admin.audit' AND (payload -> 'data' ->> 'subject' = ? OR payload -> 'data' ->> 'subject' = "
                + "'BTC-USD') ORDER BY created_at").param(id.toString()).query(String.class).list();
        assertThat(actions).containsSubsequence("assessment.extend", "instrument.halt", "instrument.resume",
                "assessment.force-fail");
    }

    @Test
    void aStaleInstrumentRaisesMonitoringDegradedOnceAndItsRecovery() {
        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(),
                List.of(Topic.MONITORING_DEGRADED.topicName()), new EventCodec()::decode)) {
            publish("SOL-USD", "150", "150.05", Instant.now().minusSeconds(90));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kafka.poll().stream()
                    .filter(r -> "SOL-USD".equals(r.key())).toList()).hasSize(1));
            publish("SOL-USD", "150", "150.05");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var sol = kafka.poll().stream().filter(r -> "SOL-USD".equals(r.key())).toList();
                assertThat(sol).hasSize(2);
                var first = (com.vaticprop.platform.events.data.MonitoringDegraded) sol.get(0).value().data();
                var second = (com.vaticprop.platform.events.data.MonitoringDegraded) sol.get(1).value().data();
                assertThat(first.recovered()).isNull();
                assertThat(second.recovered()).isTrue();
            });
        }
    }

    /** Another core-service instance on the same database, Kafka and Redis. */
    private ConfigurableApplicationContext secondReplica() {
        Map<String, Object> props = new java.util.HashMap<>();
        for (String key : List.of("DATABASE_URL", "REDIS_HOST", "REDIS_PORT", "KAFKA_BROKERS",
                "vatic.redis.key-prefix", "spring.kafka.bootstrap-servers")) {
            props.put(key, environment.getRequiredProperty(key));
        }
        props.putAll(Map.of("APP_ENV", "development", "vatic.seed.enabled", "false",
                "STRIPE_SECRET_KEY", "", "STRIPE_WEBHOOK_SECRET", "", "vatic.trading.orders-per-second", "1000",
                "vatic.identity.login.max-attempts-per-ip", "10000", "vatic.monitor.discovery-interval", "1s",
                "vatic.trading.stale-after.crypto", "30s"));
        // the port as a command-line argument: the platform maps PORT (default 3000) above default properties
        return new SpringApplicationBuilder(CoreServiceApplication.class).properties(props).run("--server.port=0");
    }

    private HttpResponse<String> orderVia(CoreApi replica, UUID id, String key, Object body) {
        String json = com.vaticprop.platform.json.VaticJson.mapper().writeValueAsString(body);
        return replica.send("POST", "/assessments/" + id + "/orders", json, trader,
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private UUID buy() {
        JsonNode purchase = expect(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), trader), 201);
        return UUID.fromString(purchase.get("assessmentId").asString());
    }

    private UUID buyAndStart() {
        UUID id = buy();
        expect(api.post("/assessments/" + id + "/start", null, trader), 200);
        return id;
    }

    private String otherTrader() {
        String email = "other-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        return api.login(email, PASSWORD);
    }

    private HttpResponse<String> order(UUID id, String key, Object body) {
        return order(id, key, body, trader);
    }

    private HttpResponse<String> order(UUID id, String key, Object body, String token) {
        String json = com.vaticprop.platform.json.VaticJson.mapper().writeValueAsString(body);
        return api.send("POST", "/assessments/" + id + "/orders", json, token,
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }

    private static Map<String, Object> market(String side, String qty) {
        return market(side, qty, "BTC-USD");
    }

    private static Map<String, Object> market(String side, String qty, String instrument) {
        return Map.of("instrument", instrument, "side", side, "type", "MARKET", "qty", qty);
    }

    private static JsonNode rule(JsonNode assessment, String name) {
        for (JsonNode r : assessment.get("rules")) {
            if (r.get("rule").asString().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + name + " in " + assessment);
    }

    private void publish(String instrument, String bid, String ask) {
        publish(instrument, bid, ask, Instant.now());
    }

    /** Publishes a tick as market-data would and waits until this replica's quote table has it. */
    private void publish(String instrument, String bid, String ask, Instant receivedTs) {
        MarketTick tick = new MarketTick(instrument, "test", new BigDecimal(bid), new BigDecimal(ask),
                new BigDecimal("5"), new BigDecimal("5"), null, null, receivedTs, receivedTs, null);
        EventEnvelope<MarketTick> envelope = EventEnvelope.of(EventType.MARKET_TICK, receivedTs, tick);
        try {
            PRODUCER.send(new ProducerRecord<>(Topic.ticksFor(instrument).topicName(), instrument,
                    codec.encode(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> quotes.quote(instrument)
                .map(q -> q.bid().compareTo(new BigDecimal(bid)) == 0 && q.receivedTs().equals(receivedTs))
                .orElse(false));
    }

    private static List<String> assessmentTopics() {
        return Arrays.stream(Topic.values()).filter(t -> t.topicName().startsWith("assessment.")
                        || t.topicName().startsWith("trading.") || t.topicName().startsWith("rules.violation"))
                .filter(t -> t != Topic.ACCOUNT_SNAPSHOT).map(Topic::topicName).toList();
    }
}
