package com.vaticprop.report.readmodel;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.consumer.IdempotentConsumer;
import com.vaticprop.platform.events.consumer.KafkaFeed;
import com.vaticprop.platform.events.consumer.KafkaPollLoop;
import com.vaticprop.platform.events.consumer.ProcessedEventStore;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.jdbc.Transactions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The read model's Kafka consumer: every seq-carrying topic of core-service (seq is gap-free across all of them, so
 * all are read even where the report ignores the event) plus {@code montecarlo.simulation-completed} and
 * {@code payment.purchase-*}. After each poll the seq-carrying records are stored in {@link PendingEvents}, the
 * assessments they touch are drained in seq order, the other events are applied once by id, and only then are the
 * offsets committed — so a crash re-reads at most one poll, which the primary keys and the seq cursor absorb.
 */
public final class ReportFeed extends KafkaFeed {

    private static final Logger log = LoggerFactory.getLogger(ReportFeed.class);
    static final String SIDE_CONSUMER = "report-side-events";
    private static final Duration GAP_PATIENCE = Duration.ofMinutes(1);

    private final PendingEvents pending;
    private final SideEventWriter side;
    private final IdempotentConsumer idempotent;
    private final Transactions transactions;
    private final EventCodec codec;
    private final Clock clock;
    private final List<PendingEvents.Stored> batch = new ArrayList<>();
    private final Set<UUID> touched = new LinkedHashSet<>();
    private final List<EventEnvelope<EventData>> sideEvents = new ArrayList<>();
    private Instant lastGapReport = Instant.EPOCH;

    public ReportFeed(Map<String, Object> baseConsumerConfig, PendingEvents pending, SideEventWriter side,
                      ProcessedEventStore processed, Transactions transactions, EventCodec codec, Clock clock,
                      BooleanSupplier ready) {
        Map<String, Object> c = new HashMap<>(baseConsumerConfig);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "report-service.read-model");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.pending = pending;
        this.side = side;
        this.idempotent = new IdempotentConsumer(SIDE_CONSUMER, processed);
        this.transactions = transactions;
        this.codec = codec;
        this.clock = clock;
        runs(new KafkaPollLoop("report-feed", c, Duration.ofMillis(200), new KafkaPollLoop.Handler() {
            private KafkaConsumer<String, byte[]> consumer;

            @Override
            public void connected(KafkaConsumer<String, byte[]> consumer) {
                this.consumer = consumer;
                consumer.subscribe(topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        forget();
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        assigned = !consumer.assignment().isEmpty();
                    }
                });
            }

            @Override
            public void record(ConsumerRecord<String, byte[]> record) {
                offer(record);
            }

            @Override
            public void afterPoll() {
                flush();
                consumer.commitSync();
                reportGaps();
            }

            @Override
            public void disconnected() {
                consumer = null;
                assigned = false;
                forget();
            }
        }));
        waitingFor(ready);
    }

    static List<String> topics() {
        Stream<Topic> seqTopics = Arrays.stream(EventType.values()).filter(EventType::carriesSeq)
                .flatMap(t -> t.topics().stream());
        return Stream.concat(seqTopics, Stream.of(Topic.SIMULATION_COMPLETED, Topic.PURCHASE_COMPLETED,
                        Topic.PURCHASE_FAILED, Topic.PURCHASE_REFUNDED))
                .map(Topic::topicName).distinct().toList();
    }

    private void offer(ConsumerRecord<String, byte[]> r) {
        EventEnvelope<EventData> event;
        try {
            event = codec.decode(r.value());
        } catch (EventCodec.MalformedEventException e) {
            log.warn("skipping a malformed record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
            return;
        }
        if (event.eventType().carriesSeq()) {
            batch.add(new PendingEvents.Stored(event.assessmentId(), event.seq(), r.value()));
            touched.add(event.assessmentId());
        } else {
            sideEvents.add(event);
        }
    }

    /** Stores, drains and applies what the last poll read; throws (and the loop reconnects) if the database fails. */
    private void flush() {
        pending.store(batch);
        batch.clear();
        for (UUID assessment : touched) {
            drain(assessment);
        }
        touched.clear();
        for (EventEnvelope<EventData> e : sideEvents) {
            try {
                transactions.run(() -> idempotent.handle(e, side::apply));
            } catch (RuntimeException ex) {
                // one bad simulation or payment event must not stop the feed; it is skipped, loudly
                log.error("skipping {} {}: {}", e.type(), e.id(), ex.toString(), ex);
            }
        }
        sideEvents.clear();
    }

    /**
     * Applies what is next for one assessment. A failure stays with that assessment: its events remain in
     * {@code pending_event} (committed) and are retried on its next event or by the minute's gap sweep, while the
     * other assessments go on.
     */
    private void drain(UUID assessment) {
        try {
            pending.drain(assessment);
        } catch (RuntimeException e) {
            log.error("applying the events of assessment {} failed (held in pending_event, retried): {}",
                    assessment, e.toString(), e);
        }
    }

    private void forget() {
        batch.clear();
        touched.clear();
        sideEvents.clear();
    }

    private void reportGaps() {
        Instant now = clock.instant();
        if (Duration.between(lastGapReport, now).compareTo(GAP_PATIENCE) < 0) {
            return;
        }
        lastGapReport = now;
        List<UUID> stalled = pending.stalled(GAP_PATIENCE);
        stalled.forEach(this::drain); // retries assessments whose apply failed; a real gap stays
        stalled = pending.stalled(GAP_PATIENCE);
        if (!stalled.isEmpty()) {
            // the held events stay in pending_event; they are applied as soon as the missing seq arrives
            log.warn("assessment events missing for over {} s (held in pending_event): {}",
                    GAP_PATIENCE.toSeconds(), stalled);
        }
    }
}
