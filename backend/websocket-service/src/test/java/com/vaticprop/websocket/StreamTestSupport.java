package com.vaticprop.websocket;

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
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One running service (shared by the test classes: same configuration, one Spring context) on the JVM's embedded
 * Kafka and Redis, a local JWKS, short timers and small caps so every limit is reachable in a test.
 */
@SpringBootTest(classes = WebsocketServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CORS_ALLOWED_ORIGINS=https://app.vaticprop.test", "vatic.dotenv.disabled=true",
                "vatic.ws.auth-timeout=1s", "vatic.ws.ping-interval=300ms", "vatic.ws.max-subscriptions=3",
                "vatic.ws.max-connections-per-user=2", "vatic.ws.history-size=20", "vatic.ws.gap-timeout=1s",
                "vatic.ws.max-message-bytes=4096", "vatic.ws.market-max-per-second=4"})
@AutoConfigureMetrics
abstract class StreamTestSupport {

    static final TestIdentity IDENTITY = new TestIdentity();
    static final TestEvents EVENTS = new TestEvents(TestInfrastructure.kafka().bootstrapServers());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.kafka(registry);
        ServiceTestProperties.redis(registry, StreamTestSupport.class);
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

    @BeforeEach
    void feedIsReading() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(feed::assigned);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
        clients.clear();
    }

    int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    WsClient connect(String query) {
        return track(WsClient.connect(port(), query));
    }

    WsClient track(WsClient client) {
        clients.add(client);
        return client;
    }

    /** A connection authenticated with a fresh ticket for {@code userId}. */
    WsClient connectAs(UUID userId, String... roles) {
        return connect("ticket=" + IDENTITY.ticket(userId.toString(), roles.length == 0 ? new String[]{"TRADER"}
                : roles));
    }

    static Map<String, Object> subscribe(String channel) {
        return Map.of("op", "subscribe", "channel", channel);
    }

    static Map<String, Object> subscribe(String channel, String since) {
        return Map.of("op", "subscribe", "channel", channel, "since", since);
    }

    /** Publishes {@code assessment.created} and waits until the service knows the owner (subscribe succeeds). */
    void createAssessment(UUID assessmentId, UUID owner) {
        EVENTS.created(assessmentId, owner);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> owners.owner(assessmentId).isPresent() && history.lastSeq(assessmentId) >= 1);
    }

    static void assertError(JsonNode frame, int code) {
        assertThat(frame.get("op").asString()).as(frame.toString()).isEqualTo("error");
        assertThat(frame.get("code").asInt()).as(frame.toString()).isEqualTo(code);
        assertThat(frame.get("message").asString()).isNotBlank();
    }
}
