package com.vaticprop.websocket;

import com.vaticprop.testkit.DedicatedInfrastructure;
import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.identity.TestIdentity;
import com.vaticprop.websocket.history.EventHistory;
import com.vaticprop.websocket.history.OwnershipStore;
import com.vaticprop.websocket.history.SnapshotStore;
import com.vaticprop.websocket.routing.EventFeed;
import com.vaticprop.websocket.support.TestEvents;
import com.vaticprop.websocket.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped while clients are connected (a redis-server of this class's own, really stopped and started again
 * on the same port): the live stream goes on in seq order, a resume degrades to {@code recovered: false} with the
 * latest snapshot instead of failing, a new ticket cannot be redeemed, /ready says redis DOWN; with Redis back,
 * /ready recovers, history writes resume and a resume is {@code recovered: true} again.
 */
@SpringBootTest(classes = WebsocketServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vatic.dotenv.disabled=true", "vatic.ws.ping-interval=300ms", "vatic.ws.gap-timeout=1s",
                "vatic.ws.history-size=20"})
@DedicatedServers(Server.REDIS)
@AutoConfigureMetrics
class StreamRedisOutageTest {

    private static final TestIdentity IDENTITY = new TestIdentity();
    private static final TestEvents EVENTS = new TestEvents(TestInfrastructure.kafka().bootstrapServers());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void kafkaAndJwks(DynamicPropertyRegistry registry) {
        ServiceTestProperties.kafka(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("CORE_JWKS_URL", IDENTITY::jwksUrl);
    }

    @Autowired
    EventFeed feed;
    @Autowired
    Environment environment;
    @Autowired
    OwnershipStore owners;
    @Autowired
    EventHistory history;
    @Autowired
    SnapshotStore snapshots;

    private final List<WsClient> clients = new ArrayList<>();
    private boolean redisStopped;

    @AfterEach
    void closeClientsAndRestoreRedis() {
        clients.forEach(WsClient::close);
        if (redisStopped) {
            DedicatedInfrastructure.of(getClass()).start(Server.REDIS);
        }
    }

    @Test
    void liveDeliveryOutlivesRedisAndResumeDegradesToTheSnapshotUntilItIsBack() {
        await().atMost(Duration.ofSeconds(90)).until(feed::assigned);
        DedicatedInfrastructure redis = DedicatedInfrastructure.of(getClass());
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String channel = "assessment:" + id;
        EVENTS.created(id, owner);
        EVENTS.snapshot(id, "100250");
        await().atMost(Duration.ofSeconds(20)).until(() -> owners.owner(id).isPresent()
                && history.lastSeq(id) >= 1 && snapshots.latest(id).isPresent());

        WsClient live = connectAs(owner);
        live.send(Map.of("op", "subscribe", "channel", channel));
        assertThat(live.next().get("recovered").asBoolean()).isFalse();
        assertThat(live.next().get("type").asString()).isEqualTo("assessment.account-snapshot");
        EVENTS.seq(id, owner, 2);
        EVENTS.seq(id, owner, 3);
        assertThat(offsets(until(live, 3))).containsExactly(2L, 3L);
        WsClient waiting = connectAs(owner); // authenticated now: a ticket needs Redis to be redeemed
        await().atMost(Duration.ofSeconds(10)).until(() -> history.lastSeq(id) == 3);

        redis.stop(Server.REDIS);
        redisStopped = true;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"redis\":{\"status\":\"DOWN\"");
        });
        assertThat(get("/health").statusCode()).isEqualTo(200);

        // the live stream goes on, in order, across two topics
        EVENTS.seq(id, owner, 5);
        EVENTS.seq(id, owner, 4);
        assertThat(offsets(until(live, 5))).containsExactly(4L, 5L);

        // a resume cannot be served from the history: recovered false, the snapshot (kept locally), then live
        waiting.send(Map.of("op", "subscribe", "channel", channel, "since", "3"));
        JsonNode degraded = waiting.next();
        assertThat(degraded.get("op").asString()).isEqualTo("subscribed");
        assertThat(degraded.get("recovered").asBoolean()).isFalse();
        assertThat(get("/metrics").body()).as("told apart from a resume outside the window")
                .containsPattern("vatic_ws_resume_total\\{[^}]*result=\"unavailable\"[^}]*\\} [1-9]");
        JsonNode snapshot = waiting.next();
        assertThat(snapshot.get("type").asString()).isEqualTo("assessment.account-snapshot");
        assertThat(snapshot.get("data").get("equity").asString()).isEqualTo("100250");
        EVENTS.seq(id, owner, 6);
        assertThat(offsets(until(waiting, 6))).containsExactly(6L);
        assertThat(offsets(until(live, 6))).containsExactly(6L);

        // a ticket cannot be proven single-use without Redis: refused
        WsClient refused = connectAs(owner);
        assertThat(refused.closeCode(Duration.ofSeconds(10))).isEqualTo(4001);

        redis.start(Server.REDIS);
        redisStopped = false;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(get("/ready").statusCode()).isEqualTo(200));
        EVENTS.seq(id, owner, 7);
        assertThat(offsets(until(live, 7))).containsExactly(7L);
        // history writes resumed: the restarted (empty) server's stream starts at 7
        await().atMost(Duration.ofSeconds(20)).until(() -> history.lastSeq(id) == 7);
        waiting.close();

        WsClient back = connectAs(owner); // the owner is known locally although the new Redis lost it
        back.send(Map.of("op", "subscribe", "channel", channel, "since", "6"));
        assertThat(back.next().get("recovered").asBoolean()).isTrue();
        EVENTS.seq(id, owner, 8);
        assertThat(offsets(until(back, 8))).containsExactly(7L, 8L);
        assertThat(offsets(until(live, 8))).containsExactly(8L);
    }

    private WsClient connectAs(UUID userId) {
        WsClient c = WsClient.connect(environment.getRequiredProperty("local.server.port", Integer.class),
                "ticket=" + IDENTITY.ticket(userId.toString(), "TRADER"));
        clients.add(c);
        return c;
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + environment.getRequiredProperty("local.server.port") + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> offsets(List<JsonNode> frames) {
        return frames.stream().filter(f -> "event".equals(f.get("op").asString()))
                .filter(f -> !f.get("offset").isNull())
                .map(f -> Long.parseLong(f.get("offset").asString())).toList();
    }

    /** Frames until the event with offset {@code last}. */
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
}
