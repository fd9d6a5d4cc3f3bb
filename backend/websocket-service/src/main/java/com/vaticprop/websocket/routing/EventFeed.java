package com.vaticprop.websocket.routing;

import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.consumer.KafkaFeed;
import com.vaticprop.platform.events.consumer.KafkaPollLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads every partition of the topics the service streams, on every replica: partitions are assigned (no consumer
 * group, no committed offsets) because any replica may serve any client, so each needs every event, not a share.
 * Ticks start at the end (old prices are useless); event topics start {@code startupRewind} back in time, so a
 * replica that was down re-appends what it missed to the shared history (duplicates are refused there) before
 * serving. A {@link KafkaPollLoop} runs the consumer (and reconnects after a failure); {@link #assigned()} tells
 * tests and readiness when it is positioned.
 */
public final class EventFeed extends KafkaFeed {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    static final Set<Topic> TICKS = EnumSet.of(Topic.BTC_TICKS, Topic.ETH_TICKS, Topic.SOL_TICKS,
            Topic.POLYMARKET_TICKS, Topic.KALSHI_TICKS);

    /** Every topic keyed by assessment that reaches clients: trading, assessment, rules, simulations. */
    static final Set<Topic> EVENTS = assessmentTopics();

    private final Clock clock;
    private final Duration startupRewind;
    /** The loop's consumer and its event partitions; touched only by the loop's thread. */
    private KafkaConsumer<String, byte[]> current;
    private List<TopicPartition> eventPartitions = List.of();

    public EventFeed(Map<String, Object> kafkaConfig, EventRouter router, Clock clock, Duration startupRewind) {
        Map<String, Object> c = new HashMap<>(kafkaConfig);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        this.clock = clock;
        this.startupRewind = startupRewind;
        runs(new KafkaPollLoop("ws-event-feed", c, Duration.ofMillis(100), new KafkaPollLoop.Handler() {
            @Override
            public void connected(KafkaConsumer<String, byte[]> consumer) {
                assign(consumer);
                current = consumer;
            }

            @Override
            public void record(ConsumerRecord<String, byte[]> record) {
                router.route(record, clock.instant());
            }

            @Override
            public void afterPoll() {
                router.tick(clock.instant(), eventsReadToTheEnd());
            }

            @Override
            public void disconnected() {
                assigned = false;
                current = null;
            }
        }));
    }

    /**
     * True when every event partition has been read to its end (as of the last fetch). While the feed lags, a missing
     * seq is most likely in the unread part of another topic, so the router does not give up on gaps meanwhile.
     */
    private boolean eventsReadToTheEnd() {
        KafkaConsumer<String, byte[]> c = current;
        if (c == null) {
            return true;
        }
        for (TopicPartition tp : eventPartitions) {
            OptionalLong lag = c.currentLag(tp);
            if (lag.isPresent() && lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static Set<Topic> assessmentTopics() {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (Topic t : Topic.values()) {
            if (t.key() == Topic.Key.ASSESSMENT_ID || t.key() == Topic.Key.ASSESSMENT_OR_SIMULATION_ID) {
                topics.add(t);
            }
        }
        return topics;
    }

    private void assign(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> ticks = partitions(c, TICKS);
        List<TopicPartition> events = partitions(c, EVENTS);
        eventPartitions = events;
        List<TopicPartition> all = new ArrayList<>(ticks);
        all.addAll(events);
        c.assign(all);
        c.seekToEnd(ticks);
        long since = clock.millis() - startupRewind.toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        events.forEach(tp -> query.put(tp, since));
        // the ends first: a partition with nothing since `since` starts at the end it had *before* the time query,
        // not at a lazily resolved seekToEnd, which would skip events appended between the query and the seek
        Map<TopicPartition, Long> ends = c.endOffsets(events);
        Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query);
        for (TopicPartition tp : events) {
            OffsetAndTimestamp at = found.get(tp);
            c.seek(tp, at != null ? at.offset() : ends.getOrDefault(tp, 0L));
        }
        for (TopicPartition tp : all) {
            c.position(tp); // resolve lazy seeks now, so "assigned" means positioned
        }
        assigned = true;
        log.info("event feed reading {} tick and {} event partitions", ticks.size(), events.size());
    }
}
