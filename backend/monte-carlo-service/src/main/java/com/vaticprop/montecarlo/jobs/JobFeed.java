package com.vaticprop.montecarlo.jobs;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.SimulationRequested;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The work queue: {@code workers} consumers of {@code montecarlo.simulation-requested} in the consumer group every
 * pod of the service joins, so the requests' partitions are spread over all pods and more pods run more jobs at once.
 * Each consumer takes one record at a time and runs the job before it commits; a pod that dies mid-job leaves the
 * offset uncommitted (the record goes to another pod, which finds the job still leased and leaves it to the
 * {@link LeaseSweeper}). On a graceful stop the jobs in progress are handed back to the queue.
 */
public final class JobFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobFeed.class);
    public static final String GROUP = "monte-carlo-service.jobs";

    private final Map<String, Object> consumerConfig;
    private final int workers;
    private final JobRunner runner;
    private final EventCodec codec;
    private final BooleanSupplier ready;
    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicInteger assigned = new java.util.concurrent.atomic.AtomicInteger();

    public JobFeed(Map<String, Object> baseConsumerConfig, int workers, Duration maxPollInterval, JobRunner runner,
                   EventCodec codec, BooleanSupplier ready) {
        Map<String, Object> c = new HashMap<>(baseConsumerConfig);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        this.consumerConfig = c;
        this.workers = workers;
        this.runner = runner;
        this.codec = codec;
        this.ready = ready;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        runner.resume();
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().name("simulation-worker-" + i).daemon(true).start(this::loop));
        }
    }

    @Override
    public void stop() {
        running = false;
        runner.shutDown();
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
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

    private void loop() {
        while (running) {
            try {
                if (!ready.getAsBoolean()) {
                    Thread.sleep(200);
                    continue;
                }
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig)) {
                    consumers.add(c);
                    c.subscribe(List.of(Topic.SIMULATION_REQUESTED.topicName()), new Assignment());
                    try {
                        while (running) {
                            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                                handle(r);
                            }
                            if (runner.shuttingDown()) {
                                // a request refused or handed back while stopping: leave its offset uncommitted,
                                // so the partition's next owner reads it again
                                break;
                            }
                            c.commitSync();
                        }
                    } finally {
                        consumers.remove(c);
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("simulation worker: {} — reconnecting in 1 s", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Partitions of the request topic this pod's workers hold now (0 until the group has balanced). */
    public int assignedPartitions() {
        return assigned.get();
    }

    private final class Assignment implements org.apache.kafka.clients.consumer.ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
            assigned.addAndGet(-partitions.size());
        }

        @Override
        public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
            assigned.addAndGet(partitions.size());
        }

        @Override
        public void onPartitionsLost(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
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
