package com.vaticprop.platform.events.consumer;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import com.vaticprop.platform.tracing.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Kafka consumer on its own thread for the application's lifetime: waits until its precondition holds (topics
 * exist), connects, lets the {@link Handler} assign or subscribe, hands it every record, and — when the broker is away
 * or anything else fails — closes the consumer and starts over a second later, so a Kafka outage never ends the loop.
 * {@link #stop()} wakes the consumer out of its poll and joins the thread. Keys are strings, values raw bytes (the
 * handler decodes envelopes itself, so one bad record costs only itself).
 */
public final class KafkaPollLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaPollLoop.class);

    /** What the loop does with its consumer. Called on the loop's thread only. */
    public interface Handler {
        /** A new consumer is connected: assign or subscribe it (and seek) here. */
        void connected(KafkaConsumer<String, byte[]> consumer);

        void record(ConsumerRecord<String, byte[]> record);

        /** After every poll, records or not (timers, flushes). */
        default void afterPoll() {
        }

        /** The consumer was closed (error, stop); it reconnects unless stopping. */
        default void disconnected() {
        }
    }

    private final String name;
    private final Map<String, Object> config;
    private final Duration pollTimeout;
    private final Handler handler;
    private volatile BooleanSupplier ready = () -> true;
    private Run current;

    /**
     * One start of the loop: its own stop flag, consumer and thread. A stop ends only its own run, and a later start
     * begins a new one, so a thread that outlives {@link #stop()}'s join (a slow handler) can never be revived by the
     * restart — it would poll on with its old consumer next to the new one — nor clear the new run's consumer.
     */
    private static final class Run {
        volatile boolean active = true;
        volatile KafkaConsumer<String, byte[]> consumer;
        Thread thread;
    }

    public KafkaPollLoop(String name, Map<String, Object> consumerConfig, Duration pollTimeout, Handler handler) {
        Map<String, Object> c = new HashMap<>(consumerConfig);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.name = name;
        this.config = Map.copyOf(c);
        this.pollTimeout = pollTimeout;
        this.handler = handler;
    }

    /** Connects only once this holds (e.g. the topics exist). */
    public KafkaPollLoop waitingFor(BooleanSupplier ready) {
        this.ready = ready;
        return this;
    }

    /** Starts the loop; after {@link #stop()} it starts again with a new consumer (a restarted lifecycle). */
    @Override
    public synchronized void start() {
        if (current != null) {
            return;
        }
        Run run = new Run();
        current = run;
        run.thread = Thread.ofPlatform().name(name).daemon(true).start(() -> loop(run));
    }

    private void loop(Run run) {
        while (run.active) {
            try {
                if (!ready.getAsBoolean()) {
                    Thread.sleep(200);
                    continue;
                }
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config);
                     KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
                    // the consumer's own metrics (records-lag-max …) on /metrics: the consumer-lag alert reads them
                    metrics.bindTo(Metrics.globalRegistry);
                    run.consumer = c;
                    if (!run.active) {
                        return; // stopped while connecting: stop() saw no consumer to wake
                    }
                    handler.connected(c);
                    while (run.active) {
                        for (ConsumerRecord<String, byte[]> r : c.poll(pollTimeout)) {
                            handle(r);
                        }
                        handler.afterPoll();
                    }
                } finally {
                    run.consumer = null;
                    handler.disconnected();
                }
            } catch (WakeupException e) {
                // stopping
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!run.active) {
                    return;
                }
                log.warn("{}: {} — reconnecting in 1 s", name, e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One record, inside the trace its {@code traceparent} header names (if any): the handler's log lines then carry
     * the trace id of the HTTP request that caused the event.
     */
    private void handle(ConsumerRecord<String, byte[]> r) {
        Header header = r.headers().lastHeader(TraceContext.HEADER);
        Optional<TraceContext> trace = header == null ? Optional.empty()
                : TraceContext.parse(new String(header.value(), StandardCharsets.US_ASCII)).map(TraceContext::child);
        if (trace.isEmpty()) {
            handler.record(r);
            return;
        }
        try (TraceContext.Scope ignored = trace.get().open()) {
            log.debug("{}: {}-{}@{} key {}", name, r.topic(), r.partition(), r.offset(), r.key());
            handler.record(r);
        }
    }

    /** Ends the current run: wakes its consumer out of its poll and waits (up to 10 s) for its thread. */
    @Override
    public void stop() {
        Run run;
        synchronized (this) {
            run = current;
            current = null;
        }
        if (run == null) {
            return;
        }
        run.active = false;
        KafkaConsumer<String, byte[]> c = run.consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            run.thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return current != null;
    }
}
