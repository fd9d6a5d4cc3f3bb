package com.vaticprop.core.outbox;

import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.testkit.DedicatedInfrastructure;
import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.kafka.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka cut off the network: the rows stay pending (with the error recorded), then go out in order once it is back. */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vatic.outbox.relay.poll-interval-ms=50", "vatic.outbox.relay.ack-timeout-ms=4000",
                "vatic.outbox.relay.max-backoff-ms=1000"})
@DedicatedServers(Server.KAFKA)
class OutboxKafkaOutageTest {

    private static final List<String> TOPICS = List.of(Topic.ASSESSMENT_STARTED.topicName(),
            Topic.ASSESSMENT_PAUSED.topicName(), Topic.ASSESSMENT_RESUMED.topicName(),
            Topic.PURCHASE_COMPLETED.topicName());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, OutboxKafkaOutageTest.class);
        ServiceTestProperties.redis(registry, OutboxKafkaOutageTest.class);
        OutboxRelayTest.pinBootstrapServers(registry, () -> DedicatedInfrastructure.of(OutboxKafkaOutageTest.class)
                .properties().get("KAFKA_BROKERS"));
    }

    @Autowired
    OutboxWriter writer;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Transactions transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TopicInitializer topics;
    @Autowired
    DatabaseMigrator migrator;

    @Test
    void rowsStayPendingWhileKafkaIsDownThenPublishInOrder() {
        DedicatedInfrastructure kafka = DedicatedInfrastructure.of(OutboxKafkaOutageTest.class);
        String brokers = kafka.properties().get("KAFKA_BROKERS");
        await().atMost(Duration.ofSeconds(60)).until(topics::topicsReady);
        await().atMost(Duration.ofSeconds(60)).until(migrator::migrated);
        UUID assessment = transactions.inTransaction(() -> OutboxTestSupport.newAssessment(jdbc));
        EventType[] cycle = {EventType.ASSESSMENT_STARTED, EventType.ASSESSMENT_PAUSED, EventType.ASSESSMENT_RESUMED};

        transactions.run(() -> writer.appendForAssessment(EventType.ASSESSMENT_STARTED, assessment, null, 0,
                OutboxTestSupport.stateChange(null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);

        kafka.stop(Server.KAFKA);
        List<EventEnvelope<?>> duringOutage = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                EventType type = cycle[(i + 1) % cycle.length];
                transactions.run(() -> duringOutage.add(writer.appendForAssessment(type, assessment, null, 0,
                        OutboxTestSupport.stateChange(null))));
            }
            transactions.run(() -> duringOutage.add(
                    writer.append(EventType.PURCHASE_COMPLETED, OutboxTestSupport.purchase())));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(relay.status().lastError()).isNotNull();
                assertThat(jdbc.sql("SELECT max(attempts) FROM outbox WHERE published_at IS NULL")
                        .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
            });
            assertThat(unpublished()).isEqualTo(7);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL AND last_error IS NOT NULL")
                    .query(Long.class).single()).isPositive();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(relay.status().pending()).isEqualTo(7);
                assertThat(relay.status().lag()).isPositive();
            });
        } finally {
            kafka.start(Server.KAFKA);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished() == 0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(relay.status().lastError()).isNull();
            assertThat(relay.status().pending()).isZero();
        });
        try (TopicReader<EventEnvelope<EventData>> reader =
                new TopicReader<>(brokers, TOPICS, new EventCodec()::decode)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (EventEnvelope<?> e : duringOutage) {
                    assertThat(reader.matching(r -> e.id().equals(r.value().id()))).isNotEmpty();
                }
            });
            OutboxRelayTest.assertInSeqOrder(reader.matching(r -> assessment.equals(r.value().assessmentId())), 7);
        }
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single();
    }
}
