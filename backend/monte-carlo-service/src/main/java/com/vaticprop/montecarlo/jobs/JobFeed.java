package com.vaticprop.montecarlo.jobs;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.consumer.KafkaPollLoop;
import com.vaticprop.platform.events.data.SimulationRequested;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The work queue: {@code workers} consumers of {@code montecarlo.simulation-requested} in the consumer group every
 * pod of the service joins, so the requests' partitions are spread over all pods and more pods run more jobs at once.
 * Each consumer takes one record at a time and runs the job before it commits; a pod that dies mid-job leaves the
 * offset uncommitted (the record goes to another pod, which finds the job still leased and leaves it to the
 * {@link LeaseSweeper}). On a graceful stop the jobs in progress are handed back to the queue.
 * <p>
 * Each worker is a {@link KafkaPollLoop} (readiness wait, reconnect after a failure, a fresh consumer after a restart).
 * Once the runner is shutting down, a worker's consumer never commits again: a request it polled meanwhile was refused
 * or handed back, and committing the consumer's position would skip it. A restarted lifecycle (a paused test context,
 * {@link JobRunner#resume()}) polls with new consumers from the committed offsets, so nothing refused is lost.
 */
public final class JobFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobFeed.class);
    public static final String GROUP = "monte-carlo-service.jobs";

    private final JobRunner runner;
    private final EventCodec codec;
    private final List<KafkaPollLoop> workers = new ArrayList<>();
    private final AtomicInteger assigned = new AtomicInteger();
    private volatile boolean running;

    public JobFeed(Map<String, Object> baseConsumerConfig, int workers, Duration maxPollInterval, JobRunner runner,
                   EventCodec codec, BooleanSupplier ready) {
        Map<String, Object> c = new HashMap<>(baseConsumerConfig);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        this.runner = runner;
        this.codec = codec;
        for (int i = 0; i < workers; i++) {
            this.workers.add(new KafkaPollLoop("simulation-worker-" + i, c, Duration.ofMillis(500), new Worker())
                    .waitingFor(ready));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        runner.resume();
        workers.forEach(KafkaPollLoop::start);
    }

    /** Running jobs stop at their next chunk and are handed back; then each worker's consumer is woken and closed. */
    @Override
    public synchronized void stop() {
        running = false;
        runner.shutDown();
        workers.forEach(KafkaPollLoop::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the jobs in progress and before Kafka is closed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** One worker's consumer: one request per poll, committed after its job ran. */
    private final class Worker implements KafkaPollLoop.Handler {
        private KafkaConsumer<String, byte[]> consumer;
        private boolean refusing;

        @Override
        public void connected(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
            this.refusing = false;
            consumer.subscribe(List.of(Topic.SIMULATION_REQUESTED.topicName()), new Assignment());
        }

        @Override
        public void record(ConsumerRecord<String, byte[]> record) {
            handle(record);
        }

        @Override
        public void afterPoll() {
            if (refusing || runner.shuttingDown()) {
                // a request refused or handed back while stopping: leave its offset uncommitted, so the partition's
                // next owner reads it again — and never commit with this consumer again (its position is past it)
                refusing = true;
                return;
            }
            consumer.commitSync();
        }

        @Override
        public void disconnected() {
            consumer = null;
        }
    }

    /** Partitions of the request topic this pod's workers hold now (0 until the group has balanced). */
    public int assignedPartitions() {
        return assigned.get();
    }

    private final class Assignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assigned.addAndGet(-partitions.size());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAndGet(partitions.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            assigned.addAndGet(-partitions.size());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        SimulationRequested request;
        try {
            request = (SimulationRequested) codec.decode(r.value()).data();
        } catch (RuntimeException e) {
            log.warn("skipping a malformed simulation request at offset {}: {}", r.offset(), e.getMessage());
            return;
        }
        runner.run(request.simulationId());
    }
}
