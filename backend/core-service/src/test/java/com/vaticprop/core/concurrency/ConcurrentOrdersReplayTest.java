package com.vaticprop.core.concurrency;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.TestTicks;
import com.vaticprop.core.engine.EngineEvidence;
import com.vaticprop.core.market.MarketFeed;
import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.EngineSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #12, item 5: 1,000 orders from 32 threads over HTTP on 10 traders' assessments at once, with random cancels
 * of resting limit orders (and duplicated idempotency keys, and repeated cancels), against the real service on
 * PostgreSQL, Kafka and Redis. Afterwards each assessment's recorded inputs are replayed serially through a fresh
 * trading engine and its balance, P&amp;L, fees, open positions, open orders and fills must equal the stored ones
 * exactly; every order a client was told was accepted, and every cancel it was told succeeded, must be among those
 * inputs exactly once; no order filled twice; every assessment's event seq is contiguous from 1.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true", "STRIPE_SECRET_KEY=",
                "STRIPE_WEBHOOK_SECRET=", "vatic.identity.login.max-attempts-per-ip=10000",
                "vatic.trading.orders-per-second=1000", "vatic.assessments.max-active-per-user=50",
                // the quotes are published once, before the storm: they must stay fresh through it
                "vatic.trading.stale-after.crypto=300s"})
class ConcurrentOrdersReplayTest {
    static final int ACCOUNTS = 10;
    static final int ORDERS = 1_000;
    static final int THREADS = 32;
    static final long SEED = Long.getLong("storm.seed", 20261126L);
    static final String PASSWORD = "correct horse battery staple";
    static final UUID TWO_STEP = DevelopmentSeed.tierId("Crypto Two-Step 100K");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, ConcurrentOrdersReplayTest.class);
        ServiceTestProperties.redis(registry, ConcurrentOrdersReplayTest.class);
        ServiceTestProperties.kafka(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
    }

    @Autowired
    Environment environment;
    @Autowired
    DevelopmentSeed seed;
    @Autowired
    MarketFeed feed;
    @Autowired
    QuoteTable quotes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineEvidence evidence;
    @Autowired
    EngineSettings settings;

    private static OrderStorm.Account trader(CoreApi api, int i) {
        String email = "storm-" + i + "-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        String token = api.login(email, PASSWORD);
        UUID id = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), token), 201)
                .get("assessmentId").asString());
        expect(api.post("/assessments/" + id + "/start", null, token), 200);
        return new OrderStorm.Account(id, token);
    }

    @Test
    void concurrentOrdersAndCancelsEndInTheStateASerialReplayOfTheirInputsReaches() throws Exception {
        long setupStart = System.nanoTime();
        CoreApi api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
        await().atMost(Duration.ofSeconds(60)).until(feed::assigned);
        // ten traders set up side by side: password hashing dominates, and it is not what is under test
        List<OrderStorm.Account> accounts = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(ACCOUNTS)) {
            List<Callable<OrderStorm.Account>> traders = IntStream.range(0, ACCOUNTS)
                    .<Callable<OrderStorm.Account>>mapToObj(i -> () -> trader(api, i)).toList();
            for (Future<OrderStorm.Account> trader : setup.invokeAll(traders)) {
                accounts.add(trader.get());
            }
        }
        try (TestTicks ticks = new TestTicks(quotes)) {
            ticks.publish("BTC-USD", "60000", "60010");
            ticks.publish("ETH-USD", "3000", "3001");
        }

        long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;
        long start = System.nanoTime();
        OrderStorm storm = new OrderStorm(api, accounts, SEED);
        OrderStorm.Outcome outcome = storm.run(ORDERS, THREADS);
        long stormMillis = (System.nanoTime() - start) / 1_000_000;

        long verifyStart = System.nanoTime();
        SerialReplay replay = new SerialReplay(jdbc, evidence, settings);
        Map<UUID, List<String>> differences = new TreeMap<>();
        Set<String> placedInInputs = new HashSet<>();
        Set<String> cancelledInInputs = new HashSet<>();
        List<String> twice = new ArrayList<>();
        int inputs = 0;
        for (OrderStorm.Account account : accounts) {
            SerialReplay.Result result = replay.compare(account.assessmentId());
            inputs += result.inputs().size();
            if (!result.differences().isEmpty()) {
                differences.put(account.assessmentId(), result.differences());
            }
            for (EngineInput input : result.inputs()) {
                String id = switch (input) {
                    case EngineInput.PlaceOrder p -> placedInInputs.add(p.order().orderId()) ? null
                            : "placed " + p.order().orderId();
                    case EngineInput.CancelOrder c -> cancelledInInputs.add(c.orderId()) ? null
                            : "cancelled " + c.orderId();
                    default -> null;
                };
                if (id != null) {
                    twice.add(id);
                }
            }
        }
        List<String> lost = new ArrayList<>();
        outcome.accepted.keySet().forEach(id -> {
            if (!placedInInputs.contains(id.toString())) {
                lost.add("accepted order " + id);
            }
        });
        outcome.cancelled.forEach(id -> {
            if (!cancelledInInputs.contains(id.toString())) {
                lost.add("accepted cancel " + id);
            }
        });
        List<String> doubleFills = new ArrayList<>();
        List<String> seqGaps = new ArrayList<>();
        for (OrderStorm.Account account : accounts) {
            UUID id = account.assessmentId();
            doubleFills.addAll(jdbc.sql("""
                    SELECT o.id FROM orders o JOIN trades t ON t.order_id = o.id WHERE o.assessment_id = ?
                    GROUP BY o.id, o.filled_qty HAVING sum(t.qty) <> o.filled_qty OR count(*) > 1""")
                    .param(id).query(String.class).list());
            long last = jdbc.sql("SELECT last_seq FROM assessments WHERE id = ?").param(id).query(Long.class).single();
            List<Long> seqs = jdbc.sql("SELECT seq FROM outbox WHERE assessment_id = ? AND seq IS NOT NULL ORDER BY seq")
                    .param(id).query(Long.class).list();
            if (!seqs.equals(LongStream.rangeClosed(1, last).boxed().toList())) {
                seqGaps.add(id + ": " + seqs.size() + " events, last_seq " + last);
            }
        }
        // a request still refused with 503 after its retries was told "nothing was changed": no order under its key
        List<String> changedByRefused = new ArrayList<>();
        outcome.refusedKeys.forEach((key, assessment) -> {
            if (!outcome.acceptedKeys.contains(key) && jdbc.sql("SELECT count(*) FROM orders WHERE assessment_id = ? "
                    + "AND idempotency_key = ?").params(assessment, key).query(Long.class).single() > 0) {
                changedByRefused.add(key);
            }
        });
        long trades = jdbc.sql("SELECT count(*) FROM trades WHERE assessment_id IN (SELECT id FROM assessments "
                + "WHERE id = ANY(?))").param(accounts.stream().map(OrderStorm.Account::assessmentId)
                .toArray(UUID[]::new)).query(Long.class).single();
        System.out.println("STORM seed=" + SEED + " orders=" + outcome.orders + " accepted=" + outcome.accepted.size()
                + " cancels=" + outcome.cancels + " cancelled=" + outcome.cancelled.size() + " duplicatedKeys="
                + outcome.duplicatedKeys + " statuses=" + new TreeMap<>(outcome.statuses) + " trades=" + trades
                + " replayedInputs=" + inputs + " shed503Retried=" + storm.shed.size() + " setupMs=" + setupMillis
                + " stormMs=" + stormMillis + " verifyMs=" + (System.nanoTime() - verifyStart) / 1_000_000
                + " differences=" + differences
                + " lost=" + lost.size() + " twice=" + twice.size() + " doubleFills=" + doubleFills.size()
                + " seqGaps=" + seqGaps + " refusedAfterRetries=" + outcome.refusedKeys.size()
                + " changedByRefused=" + changedByRefused);

        assertThat(outcome.serverErrors).as("5xx answers other than a retried 503").isEmpty();
        assertThat(outcome.splitDuplicates).as("one key, two orders").isEmpty();
        assertThat(outcome.accepted).as("orders accepted").hasSizeGreaterThan(ORDERS / 2);
        assertThat(outcome.cancelled).as("cancels accepted").hasSizeGreaterThan(10);
        assertThat(differences).as("stored state vs serial replay").isEmpty();
        assertThat(lost).as("acknowledged commands missing from the recorded inputs").isEmpty();
        assertThat(twice).as("commands recorded twice").isEmpty();
        assertThat(doubleFills).as("orders filled more than once or beyond their filled qty").isEmpty();
        assertThat(seqGaps).as("per-assessment event seq contiguous from 1").isEmpty();
        assertThat(changedByRefused).as("orders stored under a key the client was told had changed nothing")
                .isEmpty();
        assertThat(trades).as("fills happened").isGreaterThan(ORDERS / 3);
    }
}
