package com.vaticprop.report.support;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentReinstated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.FundedEligible;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PositionChanged;
import com.vaticprop.platform.events.data.PurchaseEvent;
import com.vaticprop.platform.events.data.QuoteEvidence;
import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.platform.events.data.ViolationDetected;
import com.vaticprop.platform.json.VaticJson;
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
import java.util.Random;
import java.util.UUID;

/**
 * One assessment's history written as core-service writes it — seq-numbered envelopes over several topics — plus
 * the seq-less events of monte-carlo-service and payments, published in an order of the test's choosing.
 */
public final class ReportEvents implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-10-01T08:00:00Z");
    public static final LocalDate DAY1 = LocalDate.parse("2026-10-01");

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    public final UUID assessmentId;
    public final UUID userId;
    public final UUID tierId;
    private final List<EventEnvelope<?>> events = new ArrayList<>();
    private final List<EventEnvelope<?>> side = new ArrayList<>();
    private long seq;

    public ReportEvents(String bootstrapServers, UUID assessmentId, UUID userId, UUID tierId) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
        this.assessmentId = assessmentId;
        this.userId = userId;
        this.tierId = tierId;
    }

    private <D extends EventData> EventEnvelope<D> add(EventType type, Instant at, D data) {
        EventEnvelope<D> e = EventEnvelope.forAssessment(type, at, assessmentId, userId, ++seq, 0, data);
        events.add(e);
        return e;
    }

    public static JsonNode ruleSet() {
        return VaticJson.mapper().readTree("""
                {"initialBalance":"100000","currency":"USD","dayBoundary":{"zone":"UTC","time":"00:00"},
                 "instruments":["BTC-USD","ETH-USD","SOL-USD"],"profitSplitPct":"80",
                 "phases":[{"name":"Challenge","profitTargetPct":"10","minTradingDays":4,"maxDurationDays":30}],
                 "tradingDay":{"minTradeNotionalPctOfInitial":"0"},
                 "dailyLoss":{"pct":"5","limitBasis":"INITIAL_BALANCE","anchor":"PRIOR_DAY_BALANCE",
                              "includeOpenPnl":true,"evaluation":"INTRADAY"},
                 "maxLoss":{"pct":"10","mode":"STATIC","lockAtInitial":false,"lockOffset":"0"},
                 "exposure":{"maxLeverage":"2","fillDelayMs":0}}""");
    }

    public ReportEvents created() {
        add(EventType.ASSESSMENT_CREATED, START, new AssessmentCreated(userId, tierId, 1, ruleSet(),
                new BigDecimal("100000"), "USD", 0, UUID.randomUUID()));
        return this;
    }

    public ReportEvents started() {
        add(EventType.ASSESSMENT_STARTED, START, new AssessmentStateChanged(START, 0, null));
        return this;
    }

    /** Two fills (open, close) and the round trip they make, on day {@code dayIndex}, net = pnl − fees. */
    public ReportEvents roundTrip(int dayIndex, String instrument, String pnl, String fees) {
        return roundTrip(dayIndex, 0, instrument, pnl, fees, true);
    }

    public ReportEvents roundTrip(int dayIndex, int secondOfDay, String instrument, String pnl, String fees,
                                  boolean withFills) {
        Instant opened = START.plus(Duration.ofDays(dayIndex)).plusSeconds(3600 + secondOfDay);
        Instant closed = opened.plusSeconds(1800);
        BigDecimal halfFee = new BigDecimal(fees).divide(BigDecimal.TWO);
        if (withFills) {
            add(EventType.ORDER_FILLED, opened, new OrderFilled(UUID.randomUUID(), UUID.randomUUID(), instrument,
                    "BUY", BigDecimal.ONE, new BigDecimal("60000"), halfFee, quote(opened)));
            add(EventType.ORDER_FILLED, closed, new OrderFilled(UUID.randomUUID(), UUID.randomUUID(), instrument,
                    "SELL", BigDecimal.ONE, new BigDecimal("60000").add(new BigDecimal(pnl)), halfFee,
                    quote(closed)));
        }
        add(EventType.POSITION_CLOSED, closed, new PositionChanged(UUID.randomUUID(), instrument, "LONG",
                BigDecimal.ONE, new BigDecimal("60000"), new BigDecimal("60000").add(new BigDecimal(pnl)),
                new BigDecimal(pnl), new BigDecimal(fees), opened, closed));
        return this;
    }

    /** A fill without a price: the read model cannot store it (NOT NULL), so applying it fails every time. */
    public ReportEvents unstorableFill() {
        add(EventType.ORDER_FILLED, START, new OrderFilled(UUID.randomUUID(), UUID.randomUUID(), "BTC-USD", "BUY",
                BigDecimal.ONE, null, BigDecimal.ZERO, null));
        return this;
    }

    public ReportEvents day(int dayIndex, String pnl, String closeEquity, String minEquity) {
        BigDecimal close = new BigDecimal(closeEquity);
        add(EventType.ASSESSMENT_DAY_CLOSED, START.plus(Duration.ofDays(dayIndex + 1)),
                new DayClosed(DAY1.plusDays(dayIndex), close, close, new BigDecimal(pnl), new BigDecimal(minEquity),
                        close.max(close.subtract(new BigDecimal(pnl))), true, 2));
        return this;
    }

    public UUID violation(int dayIndex, String rule, String threshold, String measured) {
        UUID id = UUID.randomUUID();
        Instant at = START.plus(Duration.ofDays(dayIndex)).plusSeconds(7200);
        add(EventType.VIOLATION_DETECTED, at, new ViolationDetected(id, rule,
                new ViolationDetected.Explanation(Map.of("anchorValue", "100000", "allowance", "5000"),
                        new BigDecimal(threshold), new BigDecimal(measured), "INITIAL_BALANCE 100000 (day 1)", "UTC"),
                new QuoteEvidence("coinbase", 4242L, new BigDecimal("55123.45"), new BigDecimal("55124.10"), at,
                        at.plusMillis(12))));
        return id;
    }

    public ReportEvents completed(String result, String reason, String finalEquity, UUID violationId) {
        add(EventType.ASSESSMENT_COMPLETED, START.plus(Duration.ofDays(10)), new AssessmentCompleted(
                AssessmentCompleted.Result.valueOf(result), AssessmentCompleted.Reason.valueOf(reason),
                new BigDecimal(finalEquity), new BigDecimal(finalEquity), violationId));
        return this;
    }

    public ReportEvents fundedEligible(String finalBalance) {
        add(EventType.ASSESSMENT_FUNDED_ELIGIBLE, START.plus(Duration.ofDays(10)), new FundedEligible(userId,
                new BigDecimal("80"), new BigDecimal(finalBalance), START.plus(Duration.ofDays(10))));
        return this;
    }

    public ReportEvents reinstated(UUID violationId, List<UUID> voidedTrades, List<UUID> reopenedPositions) {
        add(EventType.ASSESSMENT_REINSTATED, START.plus(Duration.ofDays(11)), new AssessmentReinstated(
                START.plus(Duration.ofDays(11)), violationId, "ACTIVE", "admin", "stale quote",
                voidedTrades, List.of(), reopenedPositions));
        return this;
    }

    public ReportEvents simulation(int days) {
        List<SimulationCompleted.FanPoint> fan = new ArrayList<>();
        for (int d = 0; d <= days; d++) {
            BigDecimal mid = BigDecimal.valueOf(100_000 + 150L * d);
            BigDecimal w = BigDecimal.valueOf(300L * d);
            fan.add(new SimulationCompleted.FanPoint(d, mid.subtract(w.multiply(BigDecimal.TWO)), mid.subtract(w),
                    mid, mid.add(w), mid.add(w.multiply(BigDecimal.TWO))));
        }
        side.add(new EventEnvelope<>(UUID.randomUUID(), EventType.SIMULATION_COMPLETED.wireName(), 1,
                START.plus(Duration.ofDays(5)), assessmentId, userId, null, null, new SimulationCompleted(
                UUID.randomUUID(), "SUCCEEDED", new SimulationCompleted.Summary(new BigDecimal("0.62"),
                new BigDecimal("0.60"), new BigDecimal("0.64"), Map.of("DAILY_LOSS", new BigDecimal("0.2"))), fan)));
        return this;
    }

    public static EventEnvelope<PurchaseEvent> purchase(EventType type, UUID tierId, String amount, Instant at) {
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), 1, at, null, null, null, null,
                new PurchaseEvent(UUID.randomUUID(), UUID.randomUUID(), tierId, 1, new BigDecimal(amount), "USD",
                        null));
    }

    private static QuoteEvidence quote(Instant at) {
        return new QuoteEvidence("coinbase", 1L, new BigDecimal("59999.5"), new BigDecimal("60000.5"), at, at);
    }

    public long lastSeq() {
        return seq;
    }

    /** Publishes everything in seq order. */
    public void publishInOrder() {
        publish(new ArrayList<>(events));
    }

    /** Publishes shuffled, each event twice, the first event last: everything arrives out of seq order. */
    public void publishShuffledWithDuplicates(long seed) {
        List<EventEnvelope<?>> order = new ArrayList<>(events.subList(1, events.size()));
        order.addAll(events.subList(1, events.size()));
        Collections.shuffle(order, new Random(seed));
        order.add(events.getFirst());
        order.add(events.getFirst());
        publish(order);
    }

    private void publish(List<EventEnvelope<?>> order) {
        order.addAll(side);
        for (EventEnvelope<?> e : order) {
            send(e);
        }
        producer.flush();
    }

    public void send(EventEnvelope<?> e) {
        String key = e.assessmentId() != null ? e.assessmentId().toString()
                : e.data() instanceof PurchaseEvent p ? p.purchaseId().toString() : e.id().toString();
        producer.send(new ProducerRecord<>(e.eventType().topic().topicName(), key, codec.encode(e)));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
