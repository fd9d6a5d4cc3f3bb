package com.vaticprop.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Publishes the outbox to Kafka on a virtual thread. Each round, in one database transaction: claim heads
 * ({@link OutboxStore}), send them in "waves" — the i-th row of every claimed assessment together — waiting for the
 * broker's acknowledgement (acks=all, idempotent producer) of a wave before sending the next, so an assessment's
 * seq n+1 never leaves before n is acknowledged while different assessments interleave; then stamp
 * {@code published_at} on the acknowledged rows and commit. A crash anywhere before that commit leaves the rows
 * unpublished and they go out again: at-least-once on the wire, consumers dedupe on {@code id} or {@code seq}.
 * While Kafka is away the rows stay pending, the head records the error, and the relay backs off exponentially.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Test seam: where a relay can be made to die, to prove the restart guarantees. */
    interface Probe {
        Probe NONE = new Probe() {
        };

        /** After the rows of a wave were handed to the producer, before their acknowledgement. */
        default void afterSend(List<OutboxRow> wave) {
        }

        /** After every claimed row was acknowledged, before {@code published_at} is written. */
        default void afterAck(List<UUID> acknowledged) {
        }
    }

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final Clock clock;
    private final Settings settings;
    private final Probe probe;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicLong publishedTotal = new AtomicLong();
    private Counter publishedCounter;
    private Counter failureCounter;

    private volatile BooleanSupplier databaseReady = () -> true;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, byte[]> producer;
    private int consecutiveFailures;
    private Instant backlogReadAt = Instant.EPOCH;

    /** Tunables: batch sizes, the idle poll interval, backoff bounds and the wait for an acknowledgement. */
    public record Settings(int maxHeads, int maxPerAssessment, Duration pollInterval, Duration minBackoff,
                           Duration maxBackoff, Duration ackTimeout) {
    }

    OutboxRelay(OutboxStore store, TransactionTemplate transactions,
                       Supplier<Producer<String, byte[]>> producerFactory, Clock clock, Settings settings) {
        this(store, transactions, producerFactory, clock, settings, Probe.NONE);
    }

    OutboxRelay(OutboxStore store, TransactionTemplate transactions,
                Supplier<Producer<String, byte[]>> producerFactory, Clock clock, Settings settings, Probe probe) {
        this.store = store;
        this.transactions = transactions;
        this.producerFactory = producerFactory;
        this.clock = clock;
        this.settings = settings;
        this.probe = probe;
    }

    /** Registers {@code vatic.outbox.pending} (gauge), {@code vatic.outbox.lag.seconds} and the counters. */
    public OutboxRelay bindTo(MeterRegistry registry) {
        Gauge.builder("vatic.outbox.pending", pending, AtomicLong::get)
                .description("outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder("vatic.outbox.lag.seconds", this, r -> r.status().lag().toMillis() / 1000.0)
                .description("age of the oldest unpublished outbox row").register(registry);
        publishedCounter = Counter.builder("vatic.outbox.published")
                .description("outbox rows published to Kafka and acknowledged").register(registry);
        failureCounter = Counter.builder("vatic.outbox.publish.failures")
                .description("relay rounds that failed to publish").register(registry);
        return this;
    }

    /** Holds the relay's rounds until {@code ready} is true (the schema migrations have run). */
    public OutboxRelay waitingFor(BooleanSupplier ready) {
        this.databaseReady = ready;
        return this;
    }

    /** Rows waiting, the lag (age of the oldest), rows published since start, the current Kafka error if any. */
    public OutboxStatus status() {
        Instant oldest = oldestPending.get();
        Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new OutboxStatus(pending.get(), lag.isNegative() ? Duration.ZERO : lag, publishedTotal.get(),
                lastError.get());
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        wake.drainPermits();
        worker = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = worker;
            worker = null;
        }
        wake.release();
        if (t != null) {
            try {
                t.join(settings.ackTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(2));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        log.info("outbox relay started");
        while (running) {
            try {
                if (!databaseReady.getAsBoolean()) {
                    sleep(settings.pollInterval());
                    continue;
                }
                refreshBacklog(false);
                int published = relayOnce();
                if (published == 0) {
                    sleep(settings.pollInterval());
                }
            } catch (KafkaUnavailable e) {
                if (!running) {
                    break;
                }
                failed(e.getMessage());
                sleep(backoff());
            } catch (TransientDataAccessException e) {
                // SQLSTATE 40001 and the like: normal under SERIALIZABLE, nothing was marked, the rows go out again
                log.debug("outbox relay round aborted by the database, retrying: {}", e.getMessage());
                sleep(settings.minBackoff());
            } catch (DataAccessException e) {
                // a serialization conflict or a database outage: nothing was marked, the rows go out again
                failed("database: " + e.getMostSpecificCause().getMessage());
                sleep(backoff());
            } catch (RuntimeException e) {
                failed(e.toString());
                sleep(backoff());
            }
        }
        log.info("outbox relay stopped");
    }

    // ---------------------------------------------------------------------------------------------- one round

    /** One claim → publish → mark round; returns how many rows it published. */
    int relayOnce() {
        Publication result = transactions.execute(status -> {
            List<List<OutboxRow>> runs = claim();
            if (runs.isEmpty()) {
                return new Publication();
            }
            Publication publication = publish(runs);
            probe.afterAck(publication.acknowledged);
            store.markPublished(publication.acknowledged, clock.instant());
            publication.failed.forEach(store::markFailed);
            return publication;
        });
        if (result == null) {
            return 0;
        }
        if (!result.failed.isEmpty() && !result.acknowledged.isEmpty()) {
            // Kafka works, some rows did not go (e.g. a record it refuses): those assessments wait, the rest flow on
            counted(result.acknowledged.size());
            lastError.set("Kafka: " + result.failed.values().iterator().next());
            log.warn("outbox relay: {} rows not acknowledged, {} were: {}", result.failed.size(),
                    result.acknowledged.size(), lastError.get());
            return result.acknowledged.size();
        }
        if (!result.failed.isEmpty()) {
            throw new KafkaUnavailable("Kafka: " + result.failed.values().iterator().next() + " ("
                    + result.failed.size() + " rows not acknowledged, " + result.acknowledged.size() + " were)");
        }
        succeeded(result.acknowledged.size());
        return result.acknowledged.size();
    }

    /**
     * The claimed rows as runs: one per assessment in seq order (its head, then contiguous followers), one per
     * seq-less row.
     */
    private List<List<OutboxRow>> claim() {
        List<List<OutboxRow>> runs = new ArrayList<>();
        for (OutboxRow head : store.claimHeads(settings.maxHeads())) {
            List<OutboxRow> run = new ArrayList<>();
            run.add(head);
            if (head.seq() != null) {
                run.addAll(store.claimFollowers(head.assessmentId(), head.seq(), settings.maxPerAssessment() - 1));
            }
            runs.add(run);
        }
        return runs;
    }

    private Publication publish(List<List<OutboxRow>> runs) {
        Producer<String, byte[]> p = producer();
        Publication result = new Publication();
        List<List<OutboxRow>> live = new ArrayList<>(runs);
        for (int i = 0; !live.isEmpty(); i++) {
            Map<OutboxRow, Future<RecordMetadata>> wave = new LinkedHashMap<>();
            List<List<OutboxRow>> next = new ArrayList<>();
            for (List<OutboxRow> run : live) {
                OutboxRow row = run.get(i);
                try {
                    wave.put(row, p.send(new ProducerRecord<>(row.topic(), row.key(),
                            row.payload().getBytes(StandardCharsets.UTF_8))));
                } catch (RuntimeException e) {
                    result.failed.put(row.id(), describe(e));
                    continue;
                }
                if (i + 1 < run.size()) {
                    next.add(run);
                }
            }
            probe.afterSend(List.copyOf(wave.keySet()));
            for (Map.Entry<OutboxRow, Future<RecordMetadata>> sent : wave.entrySet()) {
                OutboxRow row = sent.getKey();
                try {
                    sent.getValue().get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    result.acknowledged.add(row.id());
                } catch (ExecutionException | TimeoutException e) {
                    result.failed.put(row.id(), describe(e instanceof ExecutionException ? e.getCause() : e));
                    next.removeIf(run -> run.contains(row)); // its successors wait for the next round
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaUnavailable("interrupted while waiting for Kafka");
                }
            }
            live = next;
        }
        return result;
    }

    private static final class Publication {
        final List<UUID> acknowledged = new ArrayList<>();
        final Map<UUID, String> failed = new LinkedHashMap<>();
    }

    // ---------------------------------------------------------------------------------------------- bookkeeping

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    private synchronized void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                log.debug("closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    /** Drops the producer without waiting, as a dying process would; in-flight sends may or may not land. */
    void abandonProducer() {
        closeProducer(Duration.ZERO);
    }

    private void succeeded(int published) {
        counted(published);
        if (consecutiveFailures > 0) {
            log.info("outbox relay publishing again after {} failed rounds", consecutiveFailures);
        }
        consecutiveFailures = 0;
        lastError.set(null);
    }

    private void counted(int published) {
        if (published > 0) {
            publishedTotal.addAndGet(published);
            if (publishedCounter != null) {
                publishedCounter.increment(published);
            }
            refreshBacklog(true);
        }
    }

    private void failed(String error) {
        consecutiveFailures++;
        lastError.set(error);
        if (failureCounter != null) {
            failureCounter.increment();
        }
        if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
            log.warn("outbox relay cannot publish ({} failed rounds): {}", consecutiveFailures, error);
        }
        // a producer that lived through a broker outage can stay stuck; a fresh one reconnects at once
        closeProducer(Duration.ZERO);
        refreshBacklog(true);
    }

    private Duration backoff() {
        long min = settings.minBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long ceiling = Math.min(max, min << Math.min(consecutiveFailures, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.min(min, ceiling), ceiling + 1));
    }

    private void refreshBacklog(boolean force) {
        Instant now = clock.instant();
        if (!force && now.isBefore(backlogReadAt.plusSeconds(1))) {
            return;
        }
        try {
            OutboxStore.Backlog backlog = store.backlog();
            pending.set(backlog.pending());
            oldestPending.set(backlog.oldest());
            backlogReadAt = now;
        } catch (DataAccessException e) {
            log.debug("outbox backlog not readable", e);
        }
    }

    /** Waits {@code d}, or less when {@link #wakeUp()} or {@link #stop()} is called. */
    private void sleep(Duration d) {
        try {
            if (wake.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Starts the next round now instead of after the idle poll interval (called when an outbox write commits). */
    public void wakeUp() {
        wake.release();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Kafka did not take or acknowledge a record; acknowledged rows of the round are already committed. */
    private static final class KafkaUnavailable extends RuntimeException {
        KafkaUnavailable(String message) {
            super(message);
        }
    }
}
