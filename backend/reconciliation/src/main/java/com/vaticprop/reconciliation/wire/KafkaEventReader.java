package com.vaticprop.reconciliation.wire;

import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.reconciliation.Window;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads every partition of the topics whose events carry a {@code seq}, from a little before the window's start (a
 * record's broker timestamp is when the relay sent it, which may be later than the outbox row) to the current end.
 * No consumer group: nothing is committed, the services' own consumers are not disturbed.
 */
public final class KafkaEventReader {

    /** How far before the window the scan starts, for records whose producer timestamp runs behind. */
    private static final Duration LEAD = Duration.ofMinutes(1);

    private final String bootstrap;
    private final JsonMapper json = VaticJson.mapper();

    public KafkaEventReader(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static Set<String> seqTopics() {
        Set<String> topics = new TreeSet<>();
        for (EventType t : EventType.values()) {
            if (t.carriesSeq()) {
                t.topics().forEach(topic -> topics.add(topic.topicName()));
            }
        }
        return topics;
    }

    public List<WireEvent> read(Window window) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vatic-reconciliation");
        List<WireEvent> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(30));
            for (String topic : seqTopics()) {
                for (PartitionInfo p : all.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = new HashMap<>();
            long since = window.from().minus(LEAD).toEpochMilli();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                start.put(tp, at == null ? end.get(tp) : at.offset());
                consumer.seek(tp, start.get(tp));
            }
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (start.get(tp) < end.get(tp)) {
                    remaining.put(tp, end.get(tp));
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(decode(r));
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!remaining.isEmpty()) {
                throw new IllegalStateException("Kafka partitions not read to their end within 5 minutes: "
                        + remaining.keySet());
            }
        }
        return out;
    }

    private WireEvent decode(ConsumerRecord<byte[], byte[]> r) {
        Instant appended = Instant.ofEpochMilli(r.timestamp());
        try {
            JsonNode e = json.readTree(r.value());
            return new WireEvent(r.topic(), r.partition(), r.offset(), appended, uuid(e, "id"), text(e, "type"),
                    uuid(e, "assessmentId"), e.hasNonNull("seq") ? e.get("seq").asLong() : null,
                    e.hasNonNull("occurredAt") ? Instant.parse(e.get("occurredAt").asString()) : null);
        } catch (RuntimeException unreadable) {
            return new WireEvent(r.topic(), r.partition(), r.offset(), appended, null, "unreadable", null, null, null);
        }
    }

    private static UUID uuid(JsonNode e, String field) {
        return e.hasNonNull(field) ? UUID.fromString(e.get(field).asString()) : null;
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asString() : null;
    }
}
