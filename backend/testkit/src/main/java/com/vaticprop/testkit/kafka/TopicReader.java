package com.vaticprop.testkit.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads topics from the beginning, outside any consumer group and only committed records, and keeps every record
 * (duplicates included), decoded with the given decoder (for events: {@code new EventCodec()::decode}; testkit cannot
 * depend on platform, whose own tests use testkit).
 *
 * @param <V> the decoded record value
 */
public final class TopicReader<V> implements AutoCloseable {

    /** One record as read back: the decoded value, its raw bytes, and where and when Kafka stored it. */
    public record Received<V>(String topic, int partition, long offset, long timestamp, String key, V value,
                    byte[] raw) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<byte[], ? extends V> decoder;
    private final List<Received<V>> received = new ArrayList<>();

    public TopicReader(String bootstrapServers, Collection<String> topics, Function<byte[], ? extends V> decoder) {
        this.decoder = decoder;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once more and returns everything read so far. */
    public synchronized List<Received<V>> poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(),
                    decoder.apply(r.value()), r.value()));
        }
        return List.copyOf(received);
    }

    /** Polls once more and returns what was read so far that matches. */
    public List<Received<V>> matching(Predicate<? super Received<V>> filter) {
        return poll().stream().filter(filter).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
