package com.vaticprop.benchmarks.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The feed-silent scenario's check of "monitor degraded, no check skipped silently" (issue 12): reads the
 * {@code rules.monitoring-degraded} topic from the fault's start and, for each instrument the market had quoted
 * before the silence, looks for the degraded announcement (its {@code since} inside the silence) and the recovery
 * once quotes came back. An instrument that went stale without an announcement is a check skipped silently.
 *
 * <p>usage: {@code MonitoringEvents <brokers> <silenceStartEpochMs> <silenceEndEpochMs> <instrument,instrument…>};
 * prints one line per instrument and {@code RESULT instruments=… degraded=… recovered=… silent=…}; exit 1 unless
 * every instrument was announced degraded and recovered.
 */
public final class MonitoringEvents {

    private static final String TOPIC = "rules.monitoring-degraded";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MonitoringEvents() {
    }

    /** What the topic said about one instrument after the fault's start. */
    record Seen(Instant degradedSince, Instant degradedAt, Instant recoveredAt) {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: MonitoringEvents <brokers> <silenceStartMs> <silenceEndMs> <instruments>");
            System.exit(64);
        }
        Instant start = Instant.ofEpochMilli(Long.parseLong(args[1]));
        Instant end = Instant.ofEpochMilli(Long.parseLong(args[2]));
        Set<String> instruments = new TreeSet<>(Arrays.asList(args[3].split(",")));
        instruments.remove("");
        Map<String, Seen> seen = read(args[0], start);
        int degraded = 0;
        int recovered = 0;
        List<String> silent = new ArrayList<>();
        for (String instrument : instruments) {
            Seen s = seen.get(instrument);
            boolean announced = s != null && s.degradedSince() != null && !s.degradedSince().isBefore(start)
                    && s.degradedSince().isBefore(end);
            boolean back = s != null && s.recoveredAt() != null && s.recoveredAt().isAfter(s.degradedAt());
            degraded += announced ? 1 : 0;
            recovered += announced && back ? 1 : 0;
            if (!announced) {
                silent.add(instrument);
            }
            System.out.printf("%-40s degraded since %s (announced %s), recovered %s%n", instrument,
                    s == null ? "-" : s.degradedSince(), s == null ? "-" : s.degradedAt(),
                    s == null || s.recoveredAt() == null ? "-" : s.recoveredAt());
        }
        System.out.printf("RESULT instruments=%d degraded=%d recovered=%d silent=%d%s%n", instruments.size(), degraded,
                recovered, silent.size(), silent.isEmpty() ? "" : " silent_instruments=" + String.join(",", silent));
        System.exit(degraded == instruments.size() && recovered == instruments.size() ? 0 : 1);
    }

    /** The first degraded announcement after {@code from} per instrument and the first recovery after it. */
    private static Map<String, Seen> read(String brokers, Instant from) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Seen> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> at = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(at, Duration.ofSeconds(30));
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp o = offsets.get(p);
                consumer.seek(p, o == null ? endOffsets.get(p) : o.offset());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < endOffsets.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    record(seen, JSON.readTree(r.value()));
                }
            }
        }
        return new TreeMap<>(seen);
    }

    private static void record(Map<String, Seen> seen, JsonNode envelope) {
        JsonNode data = envelope.path("data");
        String instrument = data.path("instrument").asString();
        Instant occurred = Instant.parse(envelope.path("occurredAt").asString());
        boolean recovery = data.path("recovered").asBoolean(false);
        Seen s = seen.get(instrument);
        if (!recovery && (s == null || s.degradedAt() == null)) {
            seen.put(instrument, new Seen(Instant.parse(data.path("since").asString()), occurred, null));
        } else if (recovery && s != null && s.degradedAt() != null && s.recoveredAt() == null) {
            seen.put(instrument, new Seen(s.degradedSince(), s.degradedAt(), occurred));
        }
    }
}
