package com.vaticprop.core.engine;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.trading.assessment.AssessmentState;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The real-time risk monitor. Each quote, status change and resolution from the {@link QuoteTable} is applied, in
 * memory, to every live engine on this replica that holds the instrument or has an order working on it; a timer tick
 * every second rolls days and runs out durations. Whatever produces events (a breach, a triggered stop, a day close,
 * a settlement) is queued on the engine and written at once by a flush transaction ({@link LiveAssessments#execute}),
 * which also re-checks the engine's version: if another replica changed the assessment meanwhile, the engine is
 * reloaded and the latest quotes re-applied, so a breach is detected and recorded exactly once. Marks that produced no
 * event (peak equity, the day's range) are saved with the snapshot every {@code snapshot-interval}.
 *
 * <p>Every {@code discovery-interval} (5 s) it loads the ACTIVE and PAUSED assessments it does not hold and reloads
 * those another replica changed, so a restarted or surviving replica monitors them all within that interval.
 */
public final class RiskMonitor implements SmartLifecycle, QuoteTable.Listener {

    private static final Logger log = LoggerFactory.getLogger(RiskMonitor.class);

    private final LiveAssessments live;
    private final java.util.function.Predicate<UUID> owns;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration snapshotInterval;
    private final Set<UUID> flushing = ConcurrentHashMap.newKeySet();
    /** Assessments whose events arrived and whose stored version is still to be compared ({@link #refreshOnEvent}). */
    private final Set<UUID> toRefresh = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * At most a few monitor writes at once: the periodic save of marks may concern every open assessment, and a
     * thousand simultaneous transactions would take every pooled connection from the orders.
     */
    private final java.util.concurrent.Semaphore writePermits = new java.util.concurrent.Semaphore(3);
    private final Counter flushes;
    private final Timer quoteLatency;
    private ExecutorService writers;
    private volatile ScheduledExecutorService ticker;
    private volatile boolean running;
    private volatile boolean discovered;
    private final Duration discoveryInterval;
    private volatile java.util.function.BooleanSupplier databaseReady = () -> true;

    public RiskMonitor(LiveAssessments live, JdbcClient jdbc, Clock clock, Duration snapshotInterval,
                       Duration discoveryInterval, MeterRegistry meters) {
        this(live, jdbc, clock, snapshotInterval, discoveryInterval, meters, id -> true);
    }

    /** @param owns which assessments this replica monitors ({@link MonitorOwnership#owns}) */
    public RiskMonitor(LiveAssessments live, JdbcClient jdbc, Clock clock, Duration snapshotInterval,
                       Duration discoveryInterval, MeterRegistry meters, java.util.function.Predicate<UUID> owns) {
        this.owns = owns;
        this.live = live;
        this.discoveryInterval = discoveryInterval;
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshotInterval = snapshotInterval;
        this.flushes = Counter.builder("vatic.monitor.flushes").description("monitor results written")
                .register(meters);
        this.quoteLatency = Timer.builder("vatic.monitor.quote").description("one quote over the live engines")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Loads open assessments only once this holds (the schema is migrated). */
    public RiskMonitor waitingFor(java.util.function.BooleanSupplier ready) {
        this.databaseReady = ready;
        return this;
    }

    @Override
    public void onQuote(Quote quote) {
        if (!running) {
            return;
        }
        long start = System.nanoTime();
        applyTo(live.watching(quote.instrument()), a -> true, a -> new EngineInput.QuoteReceived(quote));
        quoteLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onStatus(InstrumentId instrument, MarketStatus status, Instant at) {
        applyWhere(a -> true, a -> new EngineInput.StatusChanged(instrument, status, at));
    }

    @Override
    public void onResolution(InstrumentId instrument, BigDecimal price, Instant at) {
        applyTo(live.watching(instrument), a -> true, a -> new EngineInput.Resolved(instrument, price, at));
    }

    private void tick() {
        Instant now = clock.instant();
        applyWhere(a -> a.engine.state() == AssessmentState.ACTIVE || a.engine.state() == AssessmentState.PAUSED,
                a -> new EngineInput.Timer(now));
    }

    private void applyWhere(java.util.function.Predicate<LiveAssessment> which,
                            Function<LiveAssessment, EngineInput> input) {
        applyTo(live.all(), which, input);
    }

    private void applyTo(Iterable<LiveAssessment> engines, java.util.function.Predicate<LiveAssessment> which,
                         Function<LiveAssessment, EngineInput> input) {
        for (LiveAssessment a : engines) {
            boolean flush = false;
            if (!a.lock.tryLock()) {
                a.marketMissed = true; // a command holds it; it applies the latest market before it lets go
                continue;
            }
            try {
                if (!live.isCurrent(a) || !owns.test(a.assessmentId) || a.engine.state() == AssessmentState.FAILED
                        || a.engine.state() == AssessmentState.PASSED || a.engine.state() == AssessmentState.ABANDONED
                        || a.engine.account().isEmpty() || !which.test(a)) {
                    continue;
                }
                EngineInput in = input.apply(a);
                EngineResult r = a.engine.apply(in);
                a.snapshotDirty = true;
                if (!r.events().isEmpty() || hasStoredChecks(r)) {
                    a.pending.add(new LiveAssessment.Applied(in, r));
                    live.watched(a); // a fill, a close or the end of the assessment may change what it watches
                    flush = true;
                } else {
                    a.marksChanged = true;
                }
            } finally {
                a.lock.unlock();
            }
            if (flush) {
                flush(a.assessmentId);
            }
        }
    }

    private static boolean hasStoredChecks(EngineResult r) {
        return r.checks().stream().anyMatch(c -> c.point() == com.vaticprop.trading.rules.EvaluationPoint.DAY_ROLL);
    }

    /**
     * An engine dropped after a rolled-back command is loaded again at once, so the assessment is never left
     * unmonitored until its next command.
     */
    void reload(UUID assessmentId) {
        if (running && owns.test(assessmentId)) {
            flush(assessmentId);
        }
    }

    /**
     * An event of one of this replica's assessments arrived (possibly written by another replica): bring the engine
     * up to date now rather than at the next discovery, so the next quote is judged against the current position.
     */
    void refreshOnEvent(UUID assessmentId) {
        if (!running || !owns.test(assessmentId)) {
            return;
        }
        if (toRefresh.add(assessmentId) && refreshing.compareAndSet(false, true)) {
            writers.execute(this::refreshPending);
        }
    }

    /**
     * Reads the versions of the assessments whose events arrived, a batch per query, on one task at a time: a burst of
     * events (a thousand traders' orders) costs a few queries instead of one query and one pooled connection per
     * event, which would queue the breach writes behind them.
     */
    private void refreshPending() {
        try {
            while (running && !toRefresh.isEmpty()) {
                List<UUID> batch = new java.util.ArrayList<>();
                for (java.util.Iterator<UUID> it = toRefresh.iterator(); it.hasNext() && batch.size() < 500; ) {
                    batch.add(it.next());
                    it.remove();
                }
                record Stored(UUID id, long version) {
                }
                List<Stored> stored = jdbc.sql("SELECT id, engine_version FROM assessments WHERE id IN (:ids)")
                        .param("ids", batch)
                        .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getLong("engine_version")))
                        .list();
                for (Stored s : stored) {
                    try {
                        if (live.refresh(s.id(), s.version())) {
                            flush(s.id());
                        }
                    } catch (RuntimeException e) {
                        log.warn("monitor could not refresh assessment {}: {}", s.id(), e.toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("monitor could not refresh assessments: {} (they reload at the next discovery)", e.toString());
        } finally {
            refreshing.set(false);
            if (running && !toRefresh.isEmpty() && refreshing.compareAndSet(false, true)) {
                writers.execute(this::refreshPending);
            }
        }
    }

    /**
     * Partitions were gained: load their assessments now, and bring the engines this replica already held for them
     * (a command ran here) up to the latest market, which the previous owner judged while this replica skipped them.
     */
    void discoverSoon() {
        ScheduledExecutorService t = ticker;
        if (running && t != null) {
            t.execute(() -> loadOpenAssessmentsQuietly(true));
        }
    }

    /** Writes the engine's pending results (a breach, a fill, a day close) at once, once at a time per assessment. */
    private void flush(UUID assessmentId) {
        write(assessmentId, false);
    }

    /**
     * Writes marks that changed without an event (the periodic save): a few at a time, so they never take the pool
     * from orders or from an urgent write.
     */
    private void saveInBackground(UUID assessmentId) {
        write(assessmentId, true);
    }

    private void write(UUID assessmentId, boolean background) {
        if (!flushing.add(assessmentId)) {
            return;
        }
        writers.execute(() -> {
            if (background) {
                try {
                    writePermits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    flushing.remove(assessmentId);
                    return;
                }
            }
            try {
                live.execute(assessmentId, session -> null);
                flushes.increment();
            } catch (RuntimeException e) {
                log.warn("monitor could not write assessment {}: {} (retried on its next event)", assessmentId,
                        e.toString());
            } finally {
                if (background) {
                    writePermits.release();
                }
                flushing.remove(assessmentId);
            }
        });
    }

    private void saveMarks() {
        for (LiveAssessment a : live.all()) {
            boolean dirty;
            if (!a.lock.tryLock()) {
                continue; // a command is saving it right now
            }
            try {
                dirty = a.marksChanged || !a.pending.isEmpty();
            } finally {
                a.lock.unlock();
            }
            if (dirty) {
                saveInBackground(a.assessmentId);
            }
        }
    }

    /**
     * Loads every assessment that can still trade or breach, and reloads those another replica changed since this
     * one last saw them, without writing. Every replica thus monitors every open assessment; the version check on
     * each write keeps a breach recorded once even when several replicas see it (CONTRACTS: exactly one effect).
     */
    private int discover(boolean gained) {
        record Open(UUID id, long version) {
        }
        List<Open> open = jdbc.sql("SELECT id, engine_version FROM assessments WHERE status IN ('ACTIVE', 'PAUSED')")
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getLong("engine_version"))).list();
        for (Open o : open) {
            if (!owns.test(o.id())) {
                continue;
            }
            try {
                if (live.refresh(o.id(), o.version()) | (gained && live.catchUpHeld(o.id()))) {
                    flush(o.id());
                }
            } catch (RuntimeException e) {
                log.warn("monitor could not load assessment {}: {}", o.id(), e.toString());
            }
        }
        return open.size();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        writers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("monitor-write-", 0).factory());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("monitor-timer")
                .daemon(true).unstarted(r));
        running = true;
        ticker.scheduleWithFixedDelay(() -> loadOpenAssessmentsQuietly(false), 0, discoveryInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::tickQuietly, 1, 1, TimeUnit.SECONDS);
        long every = snapshotInterval.toMillis();
        ticker.scheduleWithFixedDelay(this::saveMarks, every, every, TimeUnit.MILLISECONDS);
    }

    private void loadOpenAssessmentsQuietly(boolean gained) {
        try {
            while (running && !databaseReady.getAsBoolean()) {
                Thread.sleep(200);
            }
            int open = discover(gained);
            if (!discovered) {
                discovered = true;
                log.info("risk monitor started; {} open assessment(s) in the database", open);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("monitor start-up load failed: {} (assessments load on their next command)", e.toString());
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("monitor timer failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            writers.shutdown();
            try {
                writers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 100; // after the database migrator and the market feed, before the web server stops taking requests
    }
}
