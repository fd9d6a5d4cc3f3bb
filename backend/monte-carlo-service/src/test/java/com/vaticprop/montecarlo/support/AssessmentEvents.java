package com.vaticprop.montecarlo.support;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PositionChanged;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one assessment's history as core-service would — seq-numbered events over several topics — and publishes
 * it in an order of the test's choosing (to prove the service re-orders by seq).
 */
public final class AssessmentEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final UUID assessmentId;
    private final UUID userId;
    private final List<EventEnvelope<?>> events = new ArrayList<>();
    private final Instant start = Instant.parse("2026-10-01T08:00:00Z");

    public AssessmentEvents(String bootstrapServers, UUID assessmentId, UUID userId) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.assessmentId = assessmentId;
        this.userId = userId;
    }

    private <D extends EventData> void add(EventType type, D data) {
        events.add(EventEnvelope.forAssessment(type, start, assessmentId, userId, events.size() + 1L, 0, data));
    }

    public AssessmentEvents created(JsonNode ruleSet) {
        add(EventType.ASSESSMENT_CREATED, new AssessmentCreated(userId, UUID.randomUUID(), 1, ruleSet,
                new BigDecimal("100000"), "USD", 0, UUID.randomUUID()));
        return this;
    }

    public AssessmentEvents started() {
        add(EventType.ASSESSMENT_STARTED, new AssessmentStateChanged(start, 0, null));
        return this;
    }

    /** A fill (no effect on the read model, but it takes a seq) and the round trip it closes. */
    public AssessmentEvents roundTrip(int dayIndex, String realizedPnl, String fees) {
        Instant opened = start.plus(Duration.ofDays(dayIndex)).plusSeconds(3600);
        Instant closed = opened.plusSeconds(1800);
        add(EventType.ORDER_FILLED, new OrderFilled(UUID.randomUUID(), UUID.randomUUID(), "BTC-USD", "SELL",
                BigDecimal.ONE, new BigDecimal("60000"), new BigDecimal(fees), null));
        add(EventType.POSITION_CLOSED, new PositionChanged(UUID.randomUUID(), "BTC-USD", "LONG", BigDecimal.ONE,
                new BigDecimal("60000"), new BigDecimal("60100"), new BigDecimal(realizedPnl), new BigDecimal(fees),
                opened, closed));
        return this;
    }

    /** A breach's liquidation: the round trip of the position it closed; returns that position's id. */
    public UUID liquidatedAndFailed(int dayIndex, String realizedPnl) {
        UUID position = UUID.randomUUID();
        Instant closed = start.plus(Duration.ofDays(dayIndex)).plusSeconds(7200);
        add(EventType.POSITION_CLOSED, new PositionChanged(position, "BTC-USD", "LONG", BigDecimal.ONE,
                new BigDecimal("60000"), new BigDecimal("1000"), new BigDecimal(realizedPnl), BigDecimal.TEN,
                closed.minusSeconds(600), closed));
        add(EventType.ASSESSMENT_COMPLETED, new com.vaticprop.platform.events.data.AssessmentCompleted(
                com.vaticprop.platform.events.data.AssessmentCompleted.Result.FAILED,
                com.vaticprop.platform.events.data.AssessmentCompleted.Reason.DAILY_LOSS, new BigDecimal("41000"),
                new BigDecimal("41000"), UUID.randomUUID()));
        return position;
    }

    /** An admin voided that breach: the liquidated position is open again. */
    public AssessmentEvents reinstated(UUID reopenedPosition, String restoredState) {
        add(EventType.ASSESSMENT_REINSTATED, new com.vaticprop.platform.events.data.AssessmentReinstated(start,
                UUID.randomUUID(), restoredState, UUID.randomUUID().toString(), "bad tick", List.of(UUID.randomUUID()),
                List.of(), List.of(reopenedPosition)));
        return this;
    }

    public AssessmentEvents dayClosed(int dayIndex, String pnl, long closeEquity) {
        BigDecimal close = BigDecimal.valueOf(closeEquity);
        BigDecimal p = new BigDecimal(pnl);
        BigDecimal open = close.subtract(p);
        add(EventType.ASSESSMENT_DAY_CLOSED, new DayClosed(LocalDate.parse("2026-10-01").plusDays(dayIndex), close,
                close, p, open.min(close).subtract(BigDecimal.valueOf(100)), open.max(close), true, 2));
        return this;
    }

    public int size() {
        return events.size();
    }

    /** Publishes everything, the created event last and the rest shuffled: every event arrives out of seq order. */
    public void publishOutOfOrder(long shuffleSeed) {
        List<EventEnvelope<?>> order = new ArrayList<>(events.subList(1, events.size()));
        Collections.shuffle(order, new java.util.Random(shuffleSeed));
        order.add(events.getFirst());
        for (EventEnvelope<?> e : order) {
            producer.send(new ProducerRecord<>(e.eventType().topic().topicName(), assessmentId.toString(),
                    codec.encode(e)));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
