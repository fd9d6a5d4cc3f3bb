package com.vaticprop.websocket.support;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AccountSnapshot;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.QuoteEvidence;
import com.vaticprop.platform.events.data.ViolationDetected;
import com.vaticprop.platform.json.VaticJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes events to the real topics the way core-service and market-data do: envelopes through the platform
 * codec, keyed by assessment (or instrument). Seq events alternate between an assessment topic and a trading topic,
 * so one assessment's events really travel over several topics and partitions.
 */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void created(UUID assessmentId, UUID userId) {
        AssessmentCreated data = new AssessmentCreated(userId, UUID.randomUUID(), 1,
                VaticJson.mapper().createObjectNode(), new BigDecimal("100000"), "USD", 1, UUID.randomUUID());
        send(Topic.ASSESSMENT_CREATED, assessmentId.toString(),
                EventEnvelope.forAssessment(EventType.ASSESSMENT_CREATED, Instant.now(), assessmentId, userId, 1, 1,
                        data));
    }

    /** A seq event (seq ≥ 2): even seqs are {@code trading.order-placed}, odd ones {@code assessment.paused}. */
    public void seq(UUID assessmentId, UUID userId, long seq) {
        if (seq % 2 == 0) {
            OrderEvent data = new OrderEvent(UUID.randomUUID(), "BTC-USD", "BUY", "MARKET", BigDecimal.ONE, null,
                    null, "IOC", false, "k-" + seq, null, null);
            send(Topic.ORDER_PLACED, assessmentId.toString(), EventEnvelope.forAssessment(EventType.ORDER_PLACED,
                    Instant.now(), assessmentId, userId, seq, 1, data));
        } else {
            AssessmentStateChanged data = new AssessmentStateChanged(Instant.now(), 1, "seq " + seq);
            send(Topic.ASSESSMENT_PAUSED, assessmentId.toString(),
                    EventEnvelope.forAssessment(EventType.ASSESSMENT_PAUSED, Instant.now(), assessmentId, userId,
                            seq, 1, data));
        }
    }

    /** {@code trading.order-filled} at {@code price}, with the quote it used. */
    public void filled(UUID assessmentId, UUID userId, long seq, String price) {
        Instant now = Instant.now();
        OrderFilled data = new OrderFilled(UUID.randomUUID(), UUID.randomUUID(), "BTC-USD", "BUY",
                new BigDecimal("0.5"), new BigDecimal(price), new BigDecimal("15.0025"),
                new QuoteEvidence("coinbase", 77L, new BigDecimal(price).subtract(BigDecimal.TEN),
                        new BigDecimal(price), now, now));
        send(Topic.ORDER_FILLED, assessmentId.toString(), EventEnvelope.forAssessment(EventType.ORDER_FILLED, now,
                assessmentId, userId, seq, 1, data));
    }

    /** {@code rules.violation-detected} of {@code rule}. */
    public void violation(UUID assessmentId, UUID userId, long seq, String rule) {
        Instant now = Instant.now();
        ViolationDetected data = new ViolationDetected(UUID.randomUUID(), rule,
                new ViolationDetected.Explanation(Map.of("equity", "89999"), new BigDecimal("90000"),
                        new BigDecimal("89999"), "2026-11-25", "Europe/Prague"),
                new QuoteEvidence("coinbase", 78L, new BigDecimal("50000"), new BigDecimal("50010"), now, now));
        send(Topic.VIOLATION_DETECTED, assessmentId.toString(),
                EventEnvelope.forAssessment(EventType.VIOLATION_DETECTED, now, assessmentId, userId, seq, 1, data));
    }

    /** An account snapshot with one rule's distance to its limit. */
    public void snapshotWithDistance(UUID assessmentId, String equity, String rule, String distance) {
        AccountSnapshot data = new AccountSnapshot(new BigDecimal("100000"), new BigDecimal(equity),
                new BigDecimal(equity).subtract(new BigDecimal("100000")), BigDecimal.ZERO,
                List.of(new AccountSnapshot.RuleDistance(rule, new BigDecimal(equity), new BigDecimal("95000"),
                        new BigDecimal(distance), new BigDecimal("5.39"), "equity above the daily floor")),
                Instant.now());
        send(Topic.ACCOUNT_SNAPSHOT, assessmentId.toString(), EventEnvelope.forAssessment(EventType.ACCOUNT_SNAPSHOT,
                Instant.now(), assessmentId, null, 0, 1, data));
    }

    public void snapshot(UUID assessmentId, String equity) {
        AccountSnapshot data = new AccountSnapshot(new BigDecimal("100000"), new BigDecimal(equity), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), Instant.now());
        send(Topic.ACCOUNT_SNAPSHOT, assessmentId.toString(), EventEnvelope.forAssessment(EventType.ACCOUNT_SNAPSHOT,
                Instant.now(), assessmentId, null, 0, 1, data));
    }

    /** {@code count} account snapshots of about 8 KB each, sent without waiting for each acknowledgement. */
    public void bigSnapshots(UUID assessmentId, int count) {
        List<AccountSnapshot.RuleDistance> rules = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rules.add(new AccountSnapshot.RuleDistance("RULE_" + i, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE,
                    BigDecimal.ONE, "x".repeat(80)));
        }
        for (int i = 0; i < count; i++) {
            AccountSnapshot data = new AccountSnapshot(new BigDecimal("100000"), new BigDecimal(100000 + i),
                    BigDecimal.ZERO, BigDecimal.ZERO, rules, Instant.now());
            producer.send(new ProducerRecord<>(Topic.ACCOUNT_SNAPSHOT.topicName(), assessmentId.toString(),
                    codec.encode(EventEnvelope.forAssessment(EventType.ACCOUNT_SNAPSHOT, Instant.now(), assessmentId,
                            null, 0, 1, data))));
        }
        producer.flush();
    }

    /** Simulation progress that names the assessment in the envelope (keyed by the simulation, as monte-carlo may). */
    public void simulationProgress(UUID assessmentId, UUID simulationId, int pct) {
        send(Topic.SIMULATION_PROGRESS, simulationId.toString(), new EventEnvelope<>(UUID.randomUUID(),
                EventType.SIMULATION_PROGRESS.wireName(), 1, Instant.now(), assessmentId, null, null, null,
                new com.vaticprop.platform.events.data.SimulationProgress(simulationId, pct)));
    }

    public void tick(String instrument, String bid) {
        Instant now = Instant.now();
        MarketTick tick = new MarketTick(instrument, "test", new BigDecimal(bid), new BigDecimal(bid).add(BigDecimal.ONE),
                BigDecimal.ONE, BigDecimal.ONE, null, null, now, now, null);
        send(Topic.ticksFor(instrument), instrument, EventEnvelope.of(EventType.MARKET_TICK, now, tick));
    }

    public void raw(Topic topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic.topicName(), key, value));
        producer.flush();
    }

    private void send(Topic topic, String key, EventEnvelope<? extends EventData> envelope) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), key, codec.encode(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
