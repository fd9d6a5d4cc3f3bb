package com.vaticprop.core.engine;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.consumer.KafkaFeed;
import com.vaticprop.platform.events.consumer.KafkaPollLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which replica monitors which assessment: the partitions of the assessment-keyed topics. All core-service replicas
 * join one consumer group on the lifecycle and trading topics with the range assignor, which gives a member the same
 * partition numbers of every (equally partitioned) topic — so "partition p of {@code assessment.created}" names the
 * same assessments on every topic, and its owner also receives every event of them. The owner refreshes an assessment
 * when one of its events arrives (an order another replica took), so its copy of the engine is current before the
 * next quote. A replica that stops leaves the group (or misses heartbeats for the short session timeout, 6 s) and the
 * survivors take its partitions over. Assessments map to partitions exactly as Kafka's default partitioner does.
 */
public final class MonitorOwnership extends KafkaFeed {

    private static final Logger log = LoggerFactory.getLogger(MonitorOwnership.class);

    static final List<Topic> TOPICS = List.of(Topic.ASSESSMENT_CREATED, Topic.ASSESSMENT_STARTED,
            Topic.ASSESSMENT_PAUSED, Topic.ASSESSMENT_RESUMED, Topic.ORDER_PLACED, Topic.ORDER_FILLED,
            Topic.ORDER_CANCELLED);

    private final EventCodec codec;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile int partitions;
    private volatile Consumer<UUID> onEvent = id -> {
    };
    private volatile Runnable onGained = () -> {
    };

    public MonitorOwnership(Map<String, Object> kafkaConfig, String groupId, EventCodec codec) {
        Map<String, Object> c = new HashMap<>(kafkaConfig);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        this.codec = codec;
        runs(new KafkaPollLoop("monitor-ownership", c, Duration.ofMillis(500), new KafkaPollLoop.Handler() {
            @Override
            public void connected(KafkaConsumer<String, byte[]> consumer) {
                partitions = consumer.partitionsFor(Topic.ASSESSMENT_CREATED.topicName(), Duration.ofSeconds(10))
                        .size();
                consumer.subscribe(TOPICS.stream().map(Topic::topicName).toList(), new Rebalance());
            }

            @Override
            public void record(ConsumerRecord<String, byte[]> record) {
                announce(record);
            }

            @Override
            public void disconnected() {
                owned.clear();
            }
        }));
    }

    /** Called with the assessment of each event this replica's partitions carry. */
    public void onEvent(Consumer<UUID> listener) {
        this.onEvent = listener;
    }

    /** Called after partitions were gained (load their assessments now rather than at the next discovery). */
    public void onGained(Runnable listener) {
        this.onGained = listener;
    }

    /** True if this replica monitors the assessment now. */
    public boolean owns(UUID assessmentId) {
        int n = partitions;
        return n > 0 && owned.contains(partitionOf(assessmentId, n));
    }

    public boolean ownsAny() {
        return !owned.isEmpty();
    }

    static int partitionOf(UUID assessmentId, int partitions) {
        return Utils.toPositive(Utils.murmur2(assessmentId.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private void announce(ConsumerRecord<String, byte[]> r) {
        try {
            EventEnvelope<EventData> e = codec.decode(r.value());
            if (e.assessmentId() != null) {
                onEvent.accept(e.assessmentId());
            }
        } catch (RuntimeException ex) {
            log.debug("ownership: unreadable record {}:{}@{}", r.topic(), r.partition(), r.offset());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.stream().filter(tp -> tp.topic().equals(Topic.ASSESSMENT_CREATED.topicName()))
                    .forEach(tp -> owned.remove(tp.partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            boolean gained = false;
            for (TopicPartition tp : assigned) {
                if (tp.topic().equals(Topic.ASSESSMENT_CREATED.topicName()) && owned.add(tp.partition())) {
                    gained = true;
                }
            }
            log.info("risk monitor owns partitions {} of {}", owned, partitions);
            if (gained) {
                onGained.run();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }
    }

    @Override
    public int getPhase() {
        return 90; // before the monitor (100): stop monitoring after leaving the group is harmless either way
    }
}
