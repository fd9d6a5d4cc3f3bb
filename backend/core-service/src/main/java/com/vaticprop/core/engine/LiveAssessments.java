package com.vaticprop.core.engine;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.ruleset.RuleSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Hosts the trading engines of live assessments on this replica and is the only way to change one.
 *
 * <p>{@link #execute} runs a command in one database transaction that locks the assessment row, so commands on one
 * assessment are serialised across all replicas. The engine comes from this replica's memory when its version equals
 * the row's ({@code engine_version}); otherwise — first use, or another replica wrote since — it is restored from the
 * stored snapshot and brought up to date with the latest quotes of the instruments it holds. The command's results,
 * and any results quotes or timers produced in memory since, are written by {@link EngineRecorder} in engine order,
 * then the new snapshot with the version raised. If the transaction rolls back (a serialization conflict is retried
 * from the start), the in-memory engine is dropped, so memory never runs ahead of the database.
 */
public final class LiveAssessments {

    private final JdbcClient jdbc;
    private final Transactions transactions;
    private final EngineRecorder recorder;
    private final QuoteTable quotes;
    private final EngineSettings settings;
    private final EngineEvidence evidence;
    private final Map<UUID, LiveAssessment> live = new ConcurrentHashMap<>();
    private final InstrumentWatch watch = new InstrumentWatch();
    private volatile java.util.function.Consumer<UUID> onDropped = id -> {
    };

    public LiveAssessments(JdbcClient jdbc, Transactions transactions, EngineRecorder recorder, QuoteTable quotes,
                           EngineSettings settings, EngineEvidence evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.transactions = transactions;
        this.recorder = recorder;
        this.quotes = quotes;
        this.settings = settings;
    }

    /** Called with the id of an engine dropped after a rollback (the monitor loads it again). */
    public void onDropped(java.util.function.Consumer<UUID> listener) {
        this.onDropped = listener;
    }

    /** What a command sees: the engine (read it freely) and {@link #apply} to change it. */
    public final class Session {
        private final LiveAssessment assessment;
        private final EngineRecorder.Target target;
        private final boolean[] touched;
        private final List<EngineInput> inputs;

        private Session(LiveAssessment assessment, EngineRecorder.Target target, boolean[] touched,
                        List<EngineInput> inputs) {
            this.assessment = assessment;
            this.target = target;
            this.touched = touched;
            this.inputs = inputs;
        }

        public AssessmentEngine engine() {
            return assessment.engine;
        }

        public UUID userId() {
            return assessment.userId;
        }

        public UUID accountId() {
            return target.accountId;
        }

        /** Applies an input and records what it produced. */
        public EngineResult apply(EngineInput input) {
            touched[0] = true;
            inputs.add(input);
            EngineResult result = assessment.engine.apply(input);
            recorder.record(target, assessment.engine, result);
            return result;
        }

        /**
         * Gives the engine this replica's view of the instrument before an order: its trading status (a halt or close
         * the engine may have missed while another replica held it) and its latest quote (ignored if not newer).
         */
        public void feedLatestQuote(InstrumentId instrument, java.time.Instant at) {
            watch.add(assessment.assessmentId, instrument); // first, so no quote after the one fed goes unseen
            apply(new EngineInput.StatusChanged(instrument, quotes.status(instrument.value()), at));
            quotes.quote(instrument.value()).ifPresent(q -> apply(new EngineInput.QuoteReceived(q)));
        }
    }

    /**
     * Runs {@code command} on the assessment's engine in a transaction with the row locked; 404 when there is no
     * such assessment. The command may be run more than once (serialization retries) and must only touch the engine
     * and the database.
     */
    public <T> T execute(UUID assessmentId, Function<Session, T> command) {
        return transactions.inTransaction(() -> {
            Row row = lock(assessmentId).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND,
                    "not-found", "No such assessment."));
            boolean[] touched = {false};
            LiveAssessment a = current(row, touched);
            a.lock.lock();
            try {
                onCompletion(a, touched);
                EngineRecorder.Target target = new EngineRecorder.Target(row.id, row.userId, row.currency,
                        row.accountId, row.phase);
                List<EngineInput> inputs = new ArrayList<>();
                for (LiveAssessment.Applied pending : a.pending) {
                    touched[0] = true;
                    inputs.add(pending.input());
                    recorder.record(target, a.engine, pending.result());
                }
                a.pending.clear();
                T answer = command.apply(new Session(a, target, touched, inputs));
                if (a.marketMissed) {
                    // quotes, statuses or resolutions the monitor could not apply while this command held the engine
                    a.marketMissed = false;
                    catchUp(a.engine, applied -> {
                        touched[0] = true;
                        inputs.add(applied.input());
                        recorder.record(target, a.engine, applied.result());
                    });
                }
                watched(a);
                evidence.append(row.id, inputs);
                jdbc.sql("UPDATE assessments SET engine_state = CAST(? AS JSONB), engine_version = ? WHERE id = ?")
                        .params(EngineSnapshots.write(a.engine), row.version + 1, row.id).update();
                a.version = row.version + 1;
                a.marksChanged = false;
                a.snapshotDirty = true;
                return answer;
            } finally {
                a.lock.unlock();
            }
        });
    }

    /**
     * Reads the engine without changing anything: this replica's engine if it is current, else one restored from the
     * stored snapshot (not kept) and marked with the latest quotes. Empty when the assessment has never started.
     */
    public <T> Optional<T> read(UUID assessmentId, Function<AssessmentEngine, T> reader) {
        Optional<Row> row = transactions.inTransaction(() -> find(assessmentId, false));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        LiveAssessment cached = live.get(assessmentId);
        if (cached != null && cached.version == row.get().version) {
            cached.lock.lock();
            try {
                return Optional.ofNullable(reader.apply(cached.engine));
            } finally {
                cached.lock.unlock();
            }
        }
        if (row.get().engineState == null) {
            return Optional.empty();
        }
        RuleSet ruleSet = RuleSetJson.read(row.get().ruleSetJson).orThrow();
        AssessmentEngine engine = EngineSnapshots.read(assessmentId.toString(), ruleSet, settings,
                row.get().engineState);
        catchUp(engine, applied -> { });
        return Optional.ofNullable(reader.apply(engine));
    }

    /**
     * Brings this replica's copy up to date without writing: when the stored version differs from the one held (or
     * none is held), the engine is restored from the snapshot and the latest quotes are applied; results with events
     * stay pending for the monitor to write. Returns true if the engine has pending results.
     */
    boolean refresh(UUID assessmentId, long storedVersion) {
        LiveAssessment cached = live.get(assessmentId);
        if (cached != null && cached.version == storedVersion) {
            return false;
        }
        Optional<Row> row = transactions.inTransaction(() -> find(assessmentId, false));
        if (row.isEmpty()) {
            return false;
        }
        LiveAssessment loaded = current(row.get(), new boolean[1]);
        loaded.lock.lock();
        try {
            return loaded.pending.stream().anyMatch(r -> !r.result().events().isEmpty());
        } finally {
            loaded.lock.unlock();
        }
    }

    /**
     * Applies the latest market to this replica's copy of the engine, if it holds one: for an assessment this
     * replica has just started to monitor, whose engine stayed in memory (a command ran here) while another replica
     * judged the quotes. Results with events stay pending for the monitor to write; returns true if there are any.
     */
    boolean catchUpHeld(UUID assessmentId) {
        LiveAssessment a = live.get(assessmentId);
        if (a == null) {
            return false;
        }
        a.lock.lock();
        try {
            if (!isCurrent(a)) {
                return false;
            }
            catchUp(a.engine, a.pending::add);
            a.snapshotDirty = true;
            watched(a);
            return a.pending.stream().anyMatch(r -> !r.result().events().isEmpty());
        } finally {
            a.lock.unlock();
        }
    }

    /** Engines this replica holds, for the risk monitor. */
    Iterable<LiveAssessment> all() {
        return live.values();
    }

    /** Engines this replica holds that hold or work the instrument, for the risk monitor. */
    Iterable<LiveAssessment> watching(InstrumentId instrument) {
        List<LiveAssessment> out = new ArrayList<>();
        for (UUID id : watch.watching(instrument)) {
            LiveAssessment a = live.get(id);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** Records what the engine holds or works now; call with its lock held, after it changed. */
    void watched(LiveAssessment a) {
        watch.set(a.assessmentId, heldOrWorking(a.engine));
    }

    /** False once the engine was replaced (reloaded) or dropped (rolled back): the monitor must not touch it. */
    boolean isCurrent(LiveAssessment a) {
        return live.get(a.assessmentId) == a;
    }

    private LiveAssessment current(Row row, boolean[] touched) {
        LiveAssessment cached = live.get(row.id);
        if (cached != null && cached.version == row.version) {
            return cached;
        }
        touched[0] = true; // a freshly loaded engine is only kept if this transaction commits
        RuleSet ruleSet = RuleSetJson.read(row.ruleSetJson).orThrow();
        AssessmentEngine engine = row.engineState == null
                ? new AssessmentEngine(row.id.toString(), ruleSet, settings)
                : EngineSnapshots.read(row.id.toString(), ruleSet, settings, row.engineState);
        LiveAssessment loaded = new LiveAssessment(row.id, row.userId, row.currency, engine, row.version);
        watch.set(row.id, heldOrWorking(engine));
        catchUp(engine, loaded.pending::add);
        live.put(row.id, loaded);
        return loaded;
    }

    /**
     * What a restored snapshot may lack: market statuses other than OPEN (a halt, a close, a resolution), the
     * resolutions of instruments it holds, and the latest quotes of instruments it holds or has orders on.
     */
    private void catchUp(AssessmentEngine engine, java.util.function.Consumer<LiveAssessment.Applied> results) {
        if (engine.account().isEmpty()) {
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        java.util.function.Consumer<EngineInput> apply = in -> results.accept(new LiveAssessment.Applied(in,
                engine.apply(in)));
        quotes.nonOpenStatuses().forEach((instrument, status) -> InstrumentId.parse(instrument).ifPresent(id ->
                apply.accept(new EngineInput.StatusChanged(id, status, now))));
        for (InstrumentId instrument : heldOrWorking(engine)) {
            quotes.resolution(instrument.value()).ifPresent(r -> apply.accept(
                    new EngineInput.Resolved(instrument, r.price(), r.at())));
            quotes.quote(instrument.value()).ifPresent(q -> apply.accept(new EngineInput.QuoteReceived(q)));
        }
    }

    /** The instruments an engine holds or works orders on: the ones whose quotes concern it. */
    public static Set<InstrumentId> heldOrWorking(AssessmentEngine engine) {
        Set<InstrumentId> out = new LinkedHashSet<>();
        engine.account().ifPresent(acc -> acc.positions().forEach(p -> out.add(p.instrument())));
        engine.workingOrders().forEach(w -> out.add(w.request().instrument()));
        return out;
    }

    /**
     * Commit keeps the engine. A rollback after the engine was changed (an input applied, pending results written,
     * or a fresh load) drops it, so the next use restores the committed state; a command refused before touching the
     * engine (a 4xx) leaves it in place.
     */
    private void onCompletion(LiveAssessment a, boolean[] touched) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED && touched[0] && live.remove(a.assessmentId, a)) {
                    onDropped.accept(a.assessmentId);
                }
            }
        });
    }

    private record Row(UUID id, UUID userId, int phase, String ruleSetJson, String engineState, long version,
                       UUID accountId, String currency) {
    }

    private Optional<Row> lock(UUID id) {
        return find(id, true);
    }

    private Optional<Row> find(UUID id, boolean forUpdate) {
        Optional<Row> partial = jdbc.sql("""
                        SELECT id, user_id, phase_index, CAST(rule_set AS TEXT) AS rule_set,
                               CAST(engine_state AS TEXT) AS engine_state, engine_version
                        FROM assessments WHERE id = ?""" + (forUpdate ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getInt("phase_index"), rs.getString("rule_set"), rs.getString("engine_state"),
                        rs.getLong("engine_version"), null, null))
                .optional();
        return partial.map(r -> jdbc.sql("""
                        SELECT id, currency FROM virtual_accounts WHERE assessment_id = ? AND phase_index = ?""")
                .params(r.id(), r.phase())
                .query((rs, n) -> new Row(r.id(), r.userId(), r.phase(), r.ruleSetJson(), r.engineState(),
                        r.version(), rs.getObject("id", UUID.class), rs.getString("currency").trim()))
                .single());
    }
}
