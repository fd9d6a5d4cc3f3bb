package com.vaticprop.core.outbox;

import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.PurchaseEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rows an outbox test needs (a user, a tier version, assessments) and a reader of what reached the topics. */
public final class OutboxTestSupport {

    private OutboxTestSupport() {
    }

    /** A fresh assessment (with its user and tier) at last_seq 0. */
    static UUID newAssessment(JdbcClient jdbc) {
        UUID user = UUID.randomUUID();
        UUID tier = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        var now = Sql.ts(Instant.now());
        jdbc.sql("INSERT INTO users (id, email, password_hash, role, status, created_at, updated_at) "
                        + "VALUES (?, ?, 'x', 'TRADER', 'ACTIVE', ?, ?)")
                .params(user, user + "@example.com", now, now).update();
        jdbc.sql("INSERT INTO tiers (id, slug, active, current_version, created_at, updated_at) "
                        + "VALUES (?, ?, true, 1, ?, ?)")
                .params(tier, "t-" + tier, now, now).update();
        jdbc.sql("INSERT INTO tier_versions (tier_id, version, name, price, currency, rule_set, created_at) "
                        + "VALUES (?, 1, 'Test', 100, 'USD', CAST('{}' AS JSONB), ?)")
                .params(tier, now).update();
        jdbc.sql("""
                        INSERT INTO assessments (id, user_id, tier_id, tier_version, rule_set, status, phase_index,
                                                 phase_name, funded_eligible, last_seq, version, created_at, updated_at)
                        VALUES (?, ?, ?, 1, CAST('{}' AS JSONB), 'CREATED', 0, 'Phase 1', false, 0, 0, ?, ?)""")
                .params(assessment, user, tier, now, now).update();
        return assessment;
    }

    static AssessmentStateChanged stateChange(String reason) {
        return new AssessmentStateChanged(Instant.now(), 0, reason);
    }

    static PurchaseEvent purchase() {
        return new PurchaseEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, new BigDecimal("99.00"),
                "USD", null);
    }

    /** One record as read back: the decoded envelope plus where and when Kafka stored it. */
    public record Received(EventEnvelope<EventData> event, String topic, int partition, long offset, long timestamp,
                    String key) {
    }

    /** Reads the given topics from the beginning; keeps every record (duplicates included). */
    public static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final EventCodec codec = new EventCodec();
        private final List<Received> received = new ArrayList<>();

        public TopicReader(String bootstrapServers, Collection<String> topics) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(20))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Polls once more and returns everything read so far. */
        public List<Received> poll() {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                received.add(new Received(codec.decode(r.value()), r.topic(), r.partition(), r.offset(),
                        r.timestamp(), r.key()));
            }
            return List.copyOf(received);
        }

        public List<Received> of(UUID assessmentId) {
            return poll().stream().filter(r -> assessmentId.equals(r.event().assessmentId())).toList();
        }

        List<Received> withId(UUID eventId) {
            return poll().stream().filter(r -> eventId.equals(r.event().id())).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
