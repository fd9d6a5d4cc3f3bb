package com.vaticprop.platform.events.consumer;

import com.vaticprop.platform.events.Topic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A service's Kafka feed as a Spring lifecycle bean: it runs one {@link KafkaPollLoop} (set by the subclass's
 * constructor with {@link #runs}, since its handler refers to the subclass) and reports whether its partitions are
 * assigned and positioned, which tests and readiness wait for.
 */
public abstract class KafkaFeed implements SmartLifecycle {

    private KafkaPollLoop loop;
    /** Set by the subclass once its partitions are assigned (and positioned); cleared when the consumer goes. */
    protected volatile boolean assigned;

    /** The loop this feed runs; called once, at the end of the subclass's constructor. */
    protected final void runs(KafkaPollLoop loop) {
        if (this.loop != null) {
            throw new IllegalStateException("a feed runs one loop");
        }
        this.loop = loop;
    }

    /** Connects only once this holds (e.g. the topics exist). */
    public final void waitingFor(BooleanSupplier ready) {
        loop.waitingFor(ready);
    }

    /** True once the feed's partitions are assigned: records published from now on will be seen. */
    public boolean assigned() {
        return assigned;
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Every partition of the topics, failing while a topic has none yet (the loop then retries). */
    protected static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, Collection<Topic> topics) {
        List<TopicPartition> out = new ArrayList<>();
        for (Topic t : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(t.topicName(), Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + t.topicName() + " has no partitions yet");
            }
            infos.forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
        }
        return out;
    }
}
