package com.vaticprop.benchmarks.websocket;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.json.VaticJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of the load run, published to the real topics as core-service and market-data do: per assessment a gap-free
 * seq stream that alternates between {@code trading.order-placed} and {@code assessment.paused} (two topics, so the
 * service really reorders), and ticks of a few instruments on their tick topics. Paced evenly in 5 ms steps.
 * Every record's timestamp is the send time, and the same instant (epoch micros) is in its data as
 * {@code "lt<micros>"} (the order's idempotency key, the pause reason, the tick's venue) — the client's latency is
 * receive time minus that.
 */
final class EventLoad implements AutoCloseable {

    private static final String ID = "11111111-1111-4111-8111-111111111111";
    private static final String ASSESSMENT = "22222222-2222-4222-8222-222222222222";
    private static final String USER = "33333333-3333-4333-8333-333333333333";
    private static final String ORDER = "44444444-4444-4444-8444-444444444444";
    private static final String SEQ = "987654321987";
    private static final String MICROS = "@MICROS@";

    private final KafkaProducer<String, byte[]> producer;
    private final List<UUID> assessments;
    private final List<UUID> users;
    private final String[] assessmentIds;
    private final String[] userIds;
    private final long[] seqs;
    private final List<String> instruments;
    private final EventTemplate placed;
    private final EventTemplate paused;
    private final Map<String, EventTemplate> ticks = new java.util.HashMap<>();
    final AtomicLong seqEventsSent = new AtomicLong();
    final AtomicLong ticksSent = new AtomicLong();
    final AtomicLong sendErrors = new AtomicLong();
    private volatile boolean running;
    private Thread pacer;

    EventLoad(String bootstrapServers, List<UUID> assessments, List<UUID> users, List<String> instruments) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "websocket-benchmark"),
                new StringSerializer(), new ByteArraySerializer());
        this.assessments = assessments;
        this.users = users;
        this.assessmentIds = assessments.stream().map(UUID::toString).toArray(String[]::new);
        this.userIds = users.stream().map(UUID::toString).toArray(String[]::new);
        this.seqs = new long[assessments.size()];
        this.instruments = instruments;
        EventCodec codec = new EventCodec();
        Instant at = Instant.parse("2026-11-25T00:00:00Z");
        placed = new EventTemplate(codec.encodeToString(new EventEnvelope<>(UUID.fromString(ID),
                EventType.ORDER_PLACED.wireName(), 1, at, UUID.fromString(ASSESSMENT), UUID.fromString(USER),
                Long.parseLong(SEQ), 1, new OrderEvent(UUID.fromString(ORDER), "BTC-USD", "BUY", "MARKET",
                new BigDecimal("0.01"), null, null, "IOC", false, "lt" + MICROS, null, null))),
                ID, ASSESSMENT, USER, SEQ, ORDER, MICROS);
        paused = new EventTemplate(codec.encodeToString(new EventEnvelope<>(UUID.fromString(ID),
                EventType.ASSESSMENT_PAUSED.wireName(), 1, at, UUID.fromString(ASSESSMENT), UUID.fromString(USER),
                Long.parseLong(SEQ), 1, new AssessmentStateChanged(at, 1, "lt" + MICROS))),
                ID, ASSESSMENT, USER, SEQ, MICROS);
        for (String instrument : instruments) {
            MarketTick tick = new MarketTick(instrument, "lt" + MICROS, new BigDecimal("60000.5"),
                    new BigDecimal("60001.5"), new BigDecimal("1.25"), new BigDecimal("0.75"), null, null, at, at,
                    null);
            ticks.put(instrument, new EventTemplate(codec.encodeToString(new EventEnvelope<>(UUID.fromString(ID),
                    EventType.MARKET_TICK.wireName(), 1, at, null, null, null, null, tick)), ID, MICROS));
        }
    }

    /**
     * {@code assessment.created} (seq 1) of every assessment, owned by its user; waits for the acknowledgements and
     * sends again whatever the broker refused (on a starved machine the idempotent producer can lose a batch to
     * {@code OutOfOrderSequenceException}), so every trader can subscribe.
     */
    void createAll() {
        EventCodec codec = new EventCodec();
        java.util.Set<Integer> pending = new java.util.TreeSet<>();
        for (int i = 0; i < assessments.size(); i++) {
            pending.add(i);
            seqs[i] = 1;
        }
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > 5) {
                throw new IllegalStateException(pending.size() + " assessment.created not accepted by Kafka");
            }
            java.util.Set<Integer> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int i : pending) {
                UUID a = assessments.get(i);
                AssessmentCreated data = new AssessmentCreated(users.get(i), UUID.randomUUID(), 1,
                        VaticJson.mapper().createObjectNode(), new BigDecimal("100000"), "USD", 1, UUID.randomUUID());
                int index = i;
                producer.send(new ProducerRecord<>(Topic.ASSESSMENT_CREATED.topicName(), a.toString(),
                        codec.encode(EventEnvelope.forAssessment(EventType.ASSESSMENT_CREATED, Instant.now(), a,
                                users.get(i), 1, 1, data))), (meta, e) -> {
                    if (e != null) {
                        failed.add(index);
                    }
                });
            }
            producer.flush();
            pending = new java.util.TreeSet<>(failed);
        }
    }

    /**
     * Starts publishing: {@code seqPerAssessmentPerSecond} seq events for every assessment (round robin) and
     * {@code ticksPerInstrumentPerSecond} ticks for every instrument, evenly over time.
     */
    void start(double seqPerAssessmentPerSecond, double ticksPerInstrumentPerSecond) {
        running = true;
        pacer = Thread.ofPlatform().name("event-load").start(() -> {
            long startNanos = System.nanoTime();
            double seqRate = seqPerAssessmentPerSecond * assessments.size();
            double tickRate = ticksPerInstrumentPerSecond * instruments.size();
            long seqSent = 0;
            long ticksDone = 0;
            int cursor = 0;
            int tickCursor = 0;
            while (running) {
                double elapsed = (System.nanoTime() - startNanos) / 1e9;
                long seqDue = (long) (seqRate * elapsed) - seqSent;
                long ticksDue = (long) (tickRate * elapsed) - ticksDone;
                for (long i = 0; i < seqDue; i++) {
                    sendSeq(cursor);
                    cursor = cursor + 1 == assessments.size() ? 0 : cursor + 1;
                }
                seqSent += Math.max(0, seqDue);
                for (long i = 0; i < ticksDue; i++) {
                    sendTick(instruments.get(tickCursor));
                    tickCursor = (tickCursor + 1) % instruments.size();
                }
                ticksDone += Math.max(0, ticksDue);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stop() {
        running = false;
        if (pacer != null) {
            try {
                pacer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.flush();
    }

    private void sendSeq(int i) {
        long seq = ++seqs[i];
        Instant now = Instant.now();
        String micros = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, now));
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String id = new UUID(r.nextLong(), r.nextLong()).toString();
        String order = new UUID(r.nextLong(), r.nextLong()).toString();
        boolean even = seq % 2 == 0;
        byte[] value = even ? placed.render(id, assessmentIds[i], userIds[i], Long.toString(seq), order, micros)
                : paused.render(id, assessmentIds[i], userIds[i], Long.toString(seq), micros);
        Topic topic = even ? Topic.ORDER_PLACED : Topic.ASSESSMENT_PAUSED;
        producer.send(new ProducerRecord<>(topic.topicName(), null, now.toEpochMilli(), assessmentIds[i], value),
                (meta, e) -> {
                    if (e != null) {
                        sendErrors.incrementAndGet();
                    }
                });
        seqEventsSent.incrementAndGet();
    }

    private void sendTick(String instrument) {
        Instant now = Instant.now();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] value = ticks.get(instrument).render(new UUID(r.nextLong(), r.nextLong()).toString(),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, now)));
        producer.send(new ProducerRecord<>(Topic.ticksFor(instrument).topicName(), null, now.toEpochMilli(),
                instrument, value), (meta, e) -> {
            if (e != null) {
                sendErrors.incrementAndGet();
            }
        });
        ticksSent.incrementAndGet();
    }

    @Override
    public void close() {
        stop();
        producer.close(Duration.ofSeconds(5));
    }
}
