package com.vaticprop.core.events;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes events that do not go through the outbox: latest-wins data (account snapshots) and instrument-wide
 * signals (monitoring degraded, an admin's trading halt) — CONTRACTS.md: they carry no seq, and a lost one is
 * superseded by the next. One producer per service instance.
 */
public final class DirectPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final EventCodec codec;

    public DirectPublisher(Producer<String, byte[]> producer, EventCodec codec) {
        this.producer = producer;
        this.codec = codec;
    }

    /** Sends without waiting; the future completes with Kafka's acknowledgement. */
    public CompletableFuture<RecordMetadata> send(String topic, String key, EventEnvelope<?> envelope) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, codec.encode(envelope)), (meta, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(meta);
            }
        });
        return acked;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
