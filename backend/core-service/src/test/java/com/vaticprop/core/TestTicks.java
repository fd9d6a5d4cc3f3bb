package com.vaticprop.core;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.testkit.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Publishes ticks to the embedded Kafka as market-data would, and waits until a replica's quote table holds them. */
public final class TestTicks implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final EventCodec codec = new EventCodec();
    private final QuoteTable quotes;

    public TestTicks(QuoteTable quotes) {
        this.quotes = quotes;
    }

    public void publish(String instrument, String bid, String ask) {
        Instant receivedTs = Instant.now();
        MarketTick tick = new MarketTick(instrument, "test", new BigDecimal(bid), new BigDecimal(ask),
                new BigDecimal("5"), new BigDecimal("5"), null, null, receivedTs, receivedTs, null);
        try {
            producer.send(new ProducerRecord<>(Topic.ticksFor(instrument).topicName(), instrument,
                    codec.encode(EventEnvelope.of(EventType.MARKET_TICK, receivedTs, tick)))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> quotes.quote(instrument)
                .map(q -> q.receivedTs().equals(receivedTs)).orElse(false));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
