package com.vaticprop.marketdata.publish;

import com.vaticprop.marketdata.metrics.PublishObserver;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends market-data envelopes to Kafka, keyed by instrument. Sending never blocks a connector for long and never
 * throws at it: market data is latest-wins, so a record Kafka refuses is counted and logged (rate-limited), and the
 * next quote supersedes it. Each acknowledgement records the venue→Kafka-ack latency, measured from the moment the
 * venue frame was received ({@code receivedTs}).
 */
public final class MarketDataProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarketDataProducer.class);

    private final Producer<String, byte[]> producer;
    private final EventCodec codec;
    private final PublishObserver metrics;
    private final Clock clock;
    private volatile long lastErrorLogMs;

    public MarketDataProducer(Producer<String, byte[]> producer, EventCodec codec, PublishObserver metrics,
                              Clock clock) {
        this.producer = producer;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The producer settings market data relies on, over the service's own Kafka settings (brokers, client id,
     * security): acks=all with an idempotent producer (no loss or duplicates on broker fail-over), lz4 compression
     * (ticks of one instrument compress 4–6×) and a short linger so batches fill at high rates while a lone tick
     * waits at most {@code lingerMs}. {@code max.block.ms} bounds how long a connector thread can be held when
     * the cluster is unreachable.
     */
    public static Map<String, Object> producerConfig(Map<String, Object> base, int lingerMs, String compression) {
        Map<String, Object> c = new HashMap<>(base);
        c.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        c.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        c.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        Object clientId = c.get(ProducerConfig.CLIENT_ID_CONFIG);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, (clientId == null ? "market-data-service" : clientId) + "-ticks");
        return c;
    }

    public static Producer<String, byte[]> kafkaProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one envelope; {@code receivedTs} is when its venue frame arrived (the latency's start). */
    public void send(Topic topic, String key, EventEnvelope<?> envelope, Instant receivedTs) {
        sendEncoded(topic, key, codec.encode(envelope), receivedTs);
    }

    /** Sends an envelope already encoded (the tick fast path, {@link TickEnvelopeWriter}). */
    public void sendEncoded(Topic topic, String key, byte[] value, Instant receivedTs) {
        long receivedSecond = receivedTs.getEpochSecond();
        int receivedNano = receivedTs.getNano();
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), key, value), (metadata, error) -> {
                if (error == null) {
                    Instant now = clock.instant();
                    long nanos = (now.getEpochSecond() - receivedSecond) * 1_000_000_000L
                            + (now.getNano() - receivedNano);
                    metrics.acknowledged(topic, Math.max(0, nanos));
                } else {
                    failed(topic, error);
                }
            });
        } catch (RuntimeException e) {
            failed(topic, e);
        }
    }

    private void failed(Topic topic, Exception error) {
        metrics.publishFailed(topic);
        long now = System.currentTimeMillis();
        if (now - lastErrorLogMs > 10_000) {
            lastErrorLogMs = now;
            log.warn("market data not published to {}: {}", topic.topicName(), error.toString());
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
