package com.vaticprop.websocket;

import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.websocket.support.StalledClient;
import com.vaticprop.websocket.support.WsClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka to clients: seq order across topics, offsets, resume with {@code since} (no gap, no duplicate, also while
 * events keep coming), the window running out, conflated ticks, two replicas, metrics.
 */
class StreamDeliveryTest extends StreamTestSupport {

    @Autowired
    MeterRegistry meters;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys redisKeys;

    private static List<Long> offsets(List<JsonNode> frames) {
        return frames.stream().filter(f -> "event".equals(f.get("op").asString()))
                .filter(f -> !f.get("offset").isNull())
                .map(f -> Long.parseLong(f.get("offset").asString())).toList();
    }

    /** Reads event frames until one with offset {@code last} arrived; returns all frames read. */
    private static List<JsonNode> until(WsClient client, long last) {
        List<JsonNode> frames = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode f = client.next(Duration.ofSeconds(20));
            frames.add(f);
            if ("event".equals(f.get("op").asString()) && !f.get("offset").isNull()
                    && Long.parseLong(f.get("offset").asString()) >= last) {
                return frames;
            }
        }
        throw new AssertionError("offset " + last + " never arrived: " + frames);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void eventsArriveInSeqOrderAcrossTopicsAndResumeMissesNothingAndRepeatsNothing() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String channel = "assessment:" + id;
        createAssessment(id, owner);
        EVENTS.snapshot(id, "100500");
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.latest(id).isPresent());

        WsClient live = connectAs(owner);
        live.send(subscribe(channel));
        JsonNode subscribed = live.next();
        assertThat(subscribed.get("op").asString()).isEqualTo("subscribed");
        assertThat(subscribed.get("channel").asString()).isEqualTo(channel);
        assertThat(subscribed.get("recovered").asBoolean()).isFalse();
        JsonNode snapshot = live.next();
        assertThat(snapshot.get("type").asString()).isEqualTo("assessment.account-snapshot");
        assertThat(snapshot.get("offset").isNull()).isTrue();
        assertThat(snapshot.get("data").get("equity").asString()).isEqualTo("100500");

        // 3 overtakes 2, 5 overtakes 4: different topics, published out of order
        for (long seq : new long[]{3, 2, 5, 4}) {
            EVENTS.seq(id, owner, seq);
        }
        List<JsonNode> first = until(live, 5);
        assertThat(offsets(first)).containsExactly(2L, 3L, 4L, 5L);
        JsonNode two = first.get(0);
        assertThat(two.get("channel").asString()).isEqualTo(channel);
        assertThat(two.get("type").asString()).isEqualTo("trading.order-placed");
        assertThat(two.get("data").get("idempotencyKey").asString()).isEqualTo("k-2");
        assertThat(first.get(1).get("type").asString()).isEqualTo("assessment.paused");
        live.close();

        // missed while away
        for (long seq = 6; seq <= 9; seq++) {
            EVENTS.seq(id, owner, seq);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 9);
        WsClient back = connectAs(owner);
        back.send(subscribe(channel, "5"));
        JsonNode resumed = back.next();
        assertThat(resumed.get("op").asString()).isEqualTo("subscribed");
        assertThat(resumed.get("recovered").asBoolean()).isTrue();
        EVENTS.seq(id, owner, 10);
        List<JsonNode> replayed = until(back, 10);
        assertThat(offsets(replayed)).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(back.drain(Duration.ofMillis(500))).as("nothing twice").isEmpty();
    }

    @Test
    void aFreshSubscribeSaysWhereItStandsSoAClientThatSawNothingYetCanResume() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String channel = "assessment:" + id;
        createAssessment(id, owner);
        EVENTS.seq(id, owner, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 2);

        WsClient quiet = connectAs(owner);
        quiet.send(subscribe(channel));
        JsonNode subscribed = quiet.next();
        assertThat(subscribed.get("recovered").asBoolean()).isFalse();
        assertThat(subscribed.get("offset").asString()).as("the seq it goes live after").isEqualTo("2");
        assertThat(quiet.drain(Duration.ofMillis(300))).as("nothing came before the connection was lost").isEmpty();
        quiet.close();

        EVENTS.seq(id, owner, 3);
        EVENTS.seq(id, owner, 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 4);
        WsClient back = connectAs(owner);
        back.send(subscribe(channel, subscribed.get("offset").asString()));
        JsonNode resumed = back.next();
        assertThat(resumed.get("recovered").asBoolean()).isTrue();
        assertThat(resumed.get("offset").asString()).isEqualTo("2");
        assertThat(offsets(until(back, 4))).containsExactly(3L, 4L);
    }

    @Test
    void aTraderSeesFillsDistancesAndAViolationLiveAndAfterAReconnectMissesNothing() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String channel = "assessment:" + id;
        createAssessment(id, owner);
        WsClient client = connectAs(owner);
        client.send(subscribe(channel));
        assertThat(client.next().get("op").asString()).isEqualTo("subscribed");

        EVENTS.filled(id, owner, 2, "60010");
        EVENTS.snapshotWithDistance(id, "100412.5", "DAILY_LOSS", "5412.5");
        EVENTS.filled(id, owner, 3, "60020");
        List<JsonNode> live = new ArrayList<>(until(client, 3));
        if (live.stream().noneMatch(f -> "assessment.account-snapshot".equals(f.get("type").asString()))) {
            live.add(client.next()); // the snapshot travels on its own topic and may come last
        }
        JsonNode fill = live.stream().filter(f -> "2".equals(f.get("offset").asString())).findFirst().orElseThrow();
        assertThat(fill.get("type").asString()).isEqualTo("trading.order-filled");
        assertThat(fill.get("data").get("price").asString()).isEqualTo("60010");
        assertThat(fill.get("data").get("quote").get("venue").asString()).isEqualTo("coinbase");
        JsonNode distances = live.stream().filter(f -> "assessment.account-snapshot".equals(f.get("type").asString()))
                .findFirst().orElseThrow();
        assertThat(distances.get("offset").isNull()).isTrue();
        assertThat(distances.get("data").get("equity").asString()).isEqualTo("100412.5");
        assertThat(distances.get("data").get("rules").get(0).get("rule").asString()).isEqualTo("DAILY_LOSS");
        assertThat(distances.get("data").get("rules").get(0).get("distance").asString()).isEqualTo("5412.5");
        assertThat(offsets(live)).containsExactly(2L, 3L);
        client.close();

        // while the trader is away: the breach, then the state change it causes
        EVENTS.violation(id, owner, 4, "MAX_LOSS");
        EVENTS.seq(id, owner, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 5);
        WsClient back = connectAs(owner);
        back.send(subscribe(channel, "3"));
        assertThat(back.next().get("recovered").asBoolean()).isTrue();
        List<JsonNode> missed = until(back, 5);
        assertThat(offsets(missed)).containsExactly(4L, 5L);
        assertThat(missed.get(0).get("type").asString()).isEqualTo("rules.violation-detected");
        assertThat(missed.get(0).get("data").get("rule").asString()).isEqualTo("MAX_LOSS");
        assertThat(missed.get(0).get("data").get("explanation").get("threshold").asString()).isEqualTo("90000");
        assertThat(back.drain(Duration.ofMillis(300))).as("nothing twice").isEmpty();
    }

    @Test
    void aResumeWhileEventsKeepComingHasNoGapAndNoDuplicate() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        for (long seq = 2; seq <= 10; seq++) {
            EVENTS.seq(id, owner, seq);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 10);
        // up to 23: the window of 20 then still holds 4, however fast the service appends while we subscribe
        Thread publisher = Thread.ofVirtual().start(() -> {
            for (long seq = 11; seq <= 23; seq++) {
                EVENTS.seq(id, owner, seq);
            }
        });
        WsClient client = connectAs(owner);
        client.send(subscribe("assessment:" + id, "3"));
        assertThat(client.next().get("recovered").asBoolean()).isTrue();
        publisher.join();
        assertThat(offsets(until(client, 23))).containsExactlyElementsOf(range(4, 23));
        assertThat(client.drain(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void aSinceOutsideTheWindowIsRecoveredFalseWithTheLatestSnapshot() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        for (long seq = 2; seq <= 25; seq++) { // the window holds 20
            EVENTS.seq(id, owner, seq);
        }
        EVENTS.snapshot(id, "99000");
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 25
                && snapshots.latest(id).map(s -> s.contains("99000")).orElse(false));
        assertThat(history.firstSeq(id)).hasValue(6);

        WsClient client = connectAs(owner);
        client.send(subscribe("assessment:" + id, "2"));
        JsonNode subscribed = client.next();
        assertThat(subscribed.get("recovered").asBoolean()).isFalse();
        JsonNode snapshot = client.next();
        assertThat(snapshot.get("type").asString()).isEqualTo("assessment.account-snapshot");
        assertThat(snapshot.get("data").get("equity").asString()).isEqualTo("99000");
        EVENTS.seq(id, owner, 26);
        assertThat(offsets(until(client, 26))).containsExactly(26L);

        WsClient inWindow = connectAs(owner);
        // 26 pushed 6 out of the window of 20: the oldest resumable offset is now 6 (replay from 7)
        inWindow.send(subscribe("assessment:" + id, "6"));
        assertThat(inWindow.next().get("recovered").asBoolean()).isTrue();
        assertThat(offsets(until(inWindow, 26))).containsExactlyElementsOf(range(7, 26));
    }

    @Test
    void aResumeAcrossAHoleInTheHistoryIsRecoveredFalseNotASilentGap() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        for (long seq = 2; seq <= 6; seq++) {
            EVENTS.seq(id, owner, seq);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 6);
        // what a replica leaves behind when its appends were refused while Redis was away
        redis.opsForStream().delete(redisKeys.key("ws:history:" + id), RecordId.of("4-0"));

        WsClient client = connectAs(owner);
        client.send(subscribe("assessment:" + id, "2"));
        JsonNode subscribed = client.next();
        assertThat(subscribed.get("op").asString()).isEqualTo("subscribed");
        assertThat(subscribed.get("recovered").asBoolean()).as("3 and 5 are there, 4 is not").isFalse();
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics).as("a hole is counted as such").containsPattern(
                "vatic_ws_resume_total\\{[^}]*result=\"gap\"[^}]*\\} [1-9]");
        EVENTS.seq(id, owner, 7);
        assertThat(offsets(until(client, 7))).containsExactly(7L);

        WsClient afterTheHole = connectAs(owner);
        afterTheHole.send(subscribe("assessment:" + id, "4"));
        assertThat(afterTheHole.next().get("recovered").asBoolean()).isTrue();
        assertThat(offsets(until(afterTheHole, 7))).containsExactly(5L, 6L, 7L);
    }

    @Test
    void seqlessEventsGoOutWithANullOffsetAndAreNotReplayed() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        UUID simulation = UUID.randomUUID();
        createAssessment(id, owner);
        WsClient client = connectAs(owner);
        client.send(subscribe("assessment:" + id, "1"));
        assertThat(client.next().get("recovered").asBoolean()).isTrue();
        EVENTS.simulationProgress(id, simulation, 40);
        JsonNode progress = client.next();
        assertThat(progress.get("type").asString()).isEqualTo("montecarlo.simulation-progress");
        assertThat(progress.get("offset").isNull()).isTrue();
        assertThat(progress.get("data").get("progressPct").asInt()).isEqualTo(40);
        EVENTS.seq(id, owner, 2);
        assertThat(offsets(until(client, 2))).containsExactly(2L);

        WsClient resumed = connectAs(owner);
        resumed.send(subscribe("assessment:" + id, "1"));
        assertThat(resumed.next().get("recovered").asBoolean()).isTrue();
        List<JsonNode> replay = until(resumed, 2);
        assertThat(replay).extracting(f -> f.get("type").asString()).containsExactly("trading.order-placed")
                .doesNotContain("montecarlo.simulation-progress");
    }

    @Test
    void aGapThatNeverClosesIsSkippedAfterTheGapTimeout() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        WsClient client = connectAs(owner);
        client.send(subscribe("assessment:" + id));
        assertThat(client.next().get("op").asString()).isEqualTo("subscribed");
        EVENTS.seq(id, owner, 3); // 2 never comes
        EVENTS.seq(id, owner, 4);
        assertThat(offsets(until(client, 4))).containsExactly(3L, 4L);
    }

    @Test
    void malformedRecordsAreDroppedAndTheFeedGoesOn() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        EVENTS.raw(Topic.ORDER_FILLED, id.toString(), "{not an event".getBytes(StandardCharsets.UTF_8));
        createAssessment(id, owner);
    }

    @Test
    void ticksAreConflatedPerClientLatestWins() {
        WsClient client = connectAs(UUID.randomUUID());
        client.send(subscribe("market:SOL-USD"));
        assertThat(client.next().get("op").asString()).isEqualTo("subscribed");
        for (int i = 1; i <= 40; i++) {
            EVENTS.tick("SOL-USD", Integer.toString(100 + i));
        }
        List<JsonNode> ticks = client.drain(Duration.ofSeconds(2));
        assertThat(ticks).isNotEmpty();
        assertThat(ticks.size()).as("4 per second at most").isLessThanOrEqualTo(10);
        JsonNode latest = ticks.get(ticks.size() - 1);
        assertThat(latest.get("channel").asString()).isEqualTo("market:SOL-USD");
        assertThat(latest.get("type").asString()).isEqualTo("market-data.tick");
        assertThat(latest.get("offset").isNull()).isTrue();
        assertThat(latest.get("data").get("bid").asString()).isEqualTo("140");
    }

    @Test
    void twoReplicasServingTheSameAssessmentBothDeliverEveryEventInOrder() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        try (ConfigurableApplicationContext second = secondReplica()) {
            com.vaticprop.websocket.routing.EventFeed otherFeed =
                    second.getBean(com.vaticprop.websocket.routing.EventFeed.class);
            await().atMost(Duration.ofSeconds(60)).until(otherFeed::assigned);
            int otherPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
            WsClient a = connectAs(owner);
            WsClient b = track(WsClient.connect(otherPort, "ticket=" + IDENTITY.ticket(owner.toString(),
                    "TRADER")));
            a.send(subscribe("assessment:" + id, "1"));
            b.send(subscribe("assessment:" + id, "1"));
            assertThat(a.next().get("recovered").asBoolean()).isTrue();
            assertThat(b.next().get("recovered").asBoolean()).isTrue();
            for (long seq : new long[]{2, 4, 3, 5, 7, 6, 8, 9, 10, 12, 11}) {
                EVENTS.seq(id, owner, seq);
            }
            assertThat(offsets(until(a, 12))).containsExactlyElementsOf(range(2, 12));
            assertThat(offsets(until(b, 12))).containsExactlyElementsOf(range(2, 12));
            assertThat(history.range(id, 1, 100)).extracting(e -> e.seq()).containsExactlyElementsOf(range(1, 12));
            a.close();
            second.close();
            assertThat(b.closeCode(Duration.ofSeconds(10))).as("graceful shutdown").isEqualTo(1012);
        }
        WsClient after = connectAs(UUID.randomUUID());
        after.send(Map.of("op", "ping"));
        assertThat(after.nextOp("pong").get("op").asString()).as("this replica outlives the other").isEqualTo("pong");
    }

    @Test
    void aClientThatStopsReadingIsClosedAsASlowConsumer() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        double before = meters.counter("vatic.ws.slow.consumer.closes").count();
        try (StalledClient stalled = new StalledClient(port(), "/ws?ticket=" + IDENTITY.ticket(owner.toString(),
                "TRADER"))) {
            stalled.keepAlive();
            stalled.sendText("{\"op\":\"subscribe\",\"channel\":\"assessment:" + id + "\"}");
            // ~8 KB each: far more than the socket buffers plus a queue of 1000 frames
            EVENTS.bigSnapshots(id, 2500);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> meters.counter("vatic.ws.slow.consumer.closes").count() > before);
        }
        // a reader of the same assessment is not held back
        WsClient reader = connectAs(owner);
        reader.send(subscribe("assessment:" + id));
        assertThat(reader.next().get("recovered").asBoolean()).isFalse();
        assertThat(reader.next().get("type").asString()).isEqualTo("assessment.account-snapshot");
    }

    @Test
    void aPeerThatLeavesTwoPingsUnansweredIsClosed() {
        try (StalledClient silent = new StalledClient(port(), "/ws?ticket=" + IDENTITY.ticket(
                UUID.randomUUID().toString(), "TRADER"))) {
            assertThat(silent.readCloseCode()).isEqualTo(1001); // pings every 300 ms in these tests
        }
    }

    @Test
    void metricsAreOnTheMetricsEndpoint() throws Exception {
        WsClient client = connectAs(UUID.randomUUID());
        client.send(Map.of("op", "ping"));
        client.nextOp("pong");
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("vatic_ws_connections", "vatic_ws_subscriptions",
                "vatic_ws_messages_out_total", "vatic_ws_slow_consumer_closes_total", "vatic_ws_resume_total",
                "vatic_ws_delivery_latency_seconds_bucket");
        WsClient forged = connect("ticket=" + IDENTITY.ticketWithWrongSignature(UUID.randomUUID().toString()));
        assertThat(forged.closeCode(Duration.ofSeconds(5))).isEqualTo(4001);
        String after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(after).containsPattern("vatic_ws_auth_failures_total\\{reason=\"invalid\"[^}]*\\} [1-9]");
    }

    /** Another instance of the service on other ports, same Kafka, Redis (and key prefix) and JWKS. */
    private ConfigurableApplicationContext secondReplica() {
        Map<String, Object> props = new HashMap<>();
        for (String key : List.of("REDIS_HOST", "REDIS_PORT", "KAFKA_BROKERS", "vatic.redis.key-prefix",
                "spring.kafka.bootstrap-servers", "CORE_JWKS_URL", "CORS_ALLOWED_ORIGINS")) {
            props.put(key, environment.getRequiredProperty(key));
        }
        props.put("vatic.dotenv.disabled", "true");
        props.put("vatic.ws.gap-timeout", "1s");
        props.put("vatic.ws.history-size", "20");
        // the platform's PORT default (3003) outranks builder properties; a command-line argument outranks it
        return new SpringApplicationBuilder(WebsocketServiceApplication.class).properties(props)
                .run("--server.port=0");
    }
}
