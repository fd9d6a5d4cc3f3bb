package com.vaticprop.montecarlo.readmodel;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.consumer.IdempotentConsumer;
import com.vaticprop.platform.events.consumer.KafkaFeed;
import com.vaticprop.platform.events.consumer.KafkaPollLoop;
import com.vaticprop.platform.events.consumer.ProcessedEventStore;
import com.vaticprop.platform.events.consumer.SequencedConsumer;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Builds the read model from core-service's seq-carrying events. They arrive over many topics, so one assessment's
 * events overtake each other: {@link SequencedConsumer} applies them strictly in seq order (holding early ones) and
 * {@link IdempotentConsumer} inside the write's transaction makes each one take effect once, even when two pods apply
 * it during a rebalance. Every seq-carrying topic is read, not only the three this service stores, because seq is
 * gap-free across all of them. Offsets are committed only up to the lowest record still held ({@link CommitFloor}).
 * The consumer thread is a {@link KafkaPollLoop} (readiness wait, reconnect after a failure, restart after a stop);
 * everything held in memory is dropped whenever its consumer closes or partitions are revoked, and re-read from the
 * committed floor.
 */
public final class AssessmentFeed extends KafkaFeed {

    private static final Logger log = LoggerFactory.getLogger(AssessmentFeed.class);
    static final String CONSUMER = "montecarlo-read-model";
    private static final Duration GAP_PATIENCE = Duration.ofMinutes(1);

    private final ProcessedEventStore store;
    private final ReadModelWriter writer;
    private final Transactions transactions;
    private final EventCodec codec;
    private final Clock clock;
    private final CommitFloor floor = new CommitFloor();
    private SequencedConsumer sequenced;
    private final IdempotentConsumer idempotent;

    private Instant lastGapReport = Instant.EPOCH;

    public AssessmentFeed(Map<String, Object> baseConsumerConfig, ProcessedEventStore store, ReadModelWriter writer,
                          Transactions transactions, EventCodec codec, Clock clock, BooleanSupplier ready) {
        Map<String, Object> c = new HashMap<>(baseConsumerConfig);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "monte-carlo-service.read-model");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        this.store = store;
        this.writer = writer;
        this.transactions = transactions;
        this.codec = codec;
        this.clock = clock;
        this.sequenced = new SequencedConsumer(CONSUMER, store, 10_000);
        this.idempotent = new IdempotentConsumer(CONSUMER, store);
        runs(new KafkaPollLoop("assessment-feed", c, Duration.ofMillis(200), new KafkaPollLoop.Handler() {
            private KafkaConsumer<String, byte[]> consumer;

            @Override
            public void connected(KafkaConsumer<String, byte[]> consumer) {
                this.consumer = consumer;
                consumer.subscribe(topics(), new Rebalance(consumer));
            }

            @Override
            public void record(ConsumerRecord<String, byte[]> record) {
                offer(record);
            }

            @Override
            public void afterPoll() {
                consumer.commitSync(floor.committable());
                reportGaps();
            }

            @Override
            public void disconnected() {
                consumer = null;
                assigned = false;
                reset();
            }
        }));
        waitingFor(ready);
    }

    static List<String> topics() {
        return Arrays.stream(EventType.values()).filter(EventType::carriesSeq)
                .flatMap(t -> t.topics().stream()).map(t -> t.topicName()).distinct().toList();
    }

    private void offer(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        EventEnvelope<EventData> event;
        try {
            event = codec.decode(r.value());
        } catch (EventCodec.MalformedEventException e) {
            log.warn("skipping a malformed record at {}@{}: {}", tp, r.offset(), e.getMessage());
            floor.skip(tp, r.offset());
            return;
        }
        if (event.seq() == null || event.assessmentId() == null
                || event.seq() <= store.lastAppliedSeq(CONSUMER, event.assessmentId())) {
            floor.skip(tp, r.offset());
            return;
        }
        floor.read(tp, r.offset(), event.id());
        sequenced.offer(event, clock.instant(), this::applyOnce);
    }

    private void applyOnce(EventEnvelope<?> event) {
        transactions.run(() -> idempotent.handle(event, writer::apply));
        floor.done(event.id());
    }

    private void reportGaps() {
        Instant now = clock.instant();
        if (Duration.between(lastGapReport, now).compareTo(GAP_PATIENCE) < 0) {
            return;
        }
        lastGapReport = now;
        Set<UUID> stalled = sequenced.stalledAssessments(GAP_PATIENCE, now);
        if (!stalled.isEmpty()) {
            // no resync source: this service has no CORE_URL; the held events wait (and are re-read after a restart)
            log.warn("assessment events missing for over {} s (held back in seq order): {}",
                    GAP_PATIENCE.toSeconds(), stalled);
        }
    }

    /** Everything held in memory belongs to the old assignment: re-read from the committed floor instead. */
    private void reset() {
        floor.clear();
        sequenced = new SequencedConsumer(CONSUMER, store, 10_000);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> c;

        Rebalance(KafkaConsumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                c.commitSync(floor.committable());
            } catch (RuntimeException e) {
                log.debug("commit on revoke failed: {}", e.toString());
            }
            reset();
            for (TopicPartition tp : c.assignment()) {
                if (partitions.contains(tp)) {
                    continue;
                }
                // re-read kept partitions from the committed floor too: their held events were just forgotten
                var committed = c.committed(Set.of(tp)).get(tp);
                if (committed != null) {
                    c.seek(tp, committed);
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned = !c.assignment().isEmpty();
        }
    }
}
