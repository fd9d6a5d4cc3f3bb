package com.vaticprop.trading.assessment;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.account.AccountState;
import com.vaticprop.trading.account.DayClose;
import com.vaticprop.trading.instrument.FeeModel;
import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.QuoteState;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Execution;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.FillSimulator;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.order.WorkingOrder;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.position.PositionChange;
import com.vaticprop.trading.pretrade.PreTradeCheck;
import com.vaticprop.trading.pretrade.PreTradeChecks;
import com.vaticprop.trading.pretrade.PreTradeContext;
import com.vaticprop.trading.pretrade.Rejection;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.Rule;
import com.vaticprop.trading.rules.RuleCheck;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleEngine;
import com.vaticprop.trading.rules.Rules;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One assessment's trading engine: applies inputs in order (orders, quotes, market status, resolutions, timer ticks,
 * lifecycle commands), fills orders, books the account, evaluates the rules at every evaluation point and moves the
 * assessment through its states. Deterministic and single-threaded: ids come from counters, time comes from the
 * inputs, so replaying the same inputs reproduces the same events and checks ({@link #apply(EngineInput)}).
 *
 * <p>Before any input is handled, every day boundary up to its time is closed (and evaluated at DAY_ROLL), so
 * a quote arriving after midnight is always measured against the new day's anchor.
 *
 * <p>A long-lived assessment is persisted as an {@link EngineSnapshot} ({@link #snapshot()}) and rebuilt with
 * {@link #restore}, instead of replaying every quote it ever saw.
 */
public final class AssessmentEngine {
    private final String assessmentId;
    private final RuleSet ruleSet;
    private final EngineSettings settings;
    private final FillSimulator simulator;
    /** Starts as the configured catalogue; venues change tick sizes while markets trade. */
    private InstrumentCatalog catalog;

    private Lifecycle lifecycle = Lifecycle.created();
    private int phase;
    private Account account;
    private List<Rule> rules;
    private Evaluation lastEvaluation;
    private final Map<String, WorkingOrder> working = new LinkedHashMap<>();
    private final Set<String> seenOrderKeys = new HashSet<>();
    private final Map<String, Quote> quotes = new HashMap<>();
    private final Map<String, MarketStatus> statuses = new HashMap<>();
    private final Map<String, Instant> degradedSince = new TreeMap<>();
    /** Tick sizes changed since creation, so a snapshot can re-apply them to the configured catalogue. */
    private final Map<String, BigDecimal> tickSizes = new TreeMap<>();
    private int tradeSeq;
    private int violationSeq;
    /** While FAILED by a breach on a quote: what a voiding of that breach restores. */
    private EngineSnapshot.PreBreachState preBreach;
    /** Set only while a quote that could breach is applied. */
    private BeforeQuote beforeQuote;

    private List<EngineEvent> events = new ArrayList<>();
    private List<RuleCheck> checks = new ArrayList<>();

    public AssessmentEngine(String assessmentId, RuleSet ruleSet, EngineSettings settings) {
        this.assessmentId = assessmentId;
        this.ruleSet = ruleSet;
        this.settings = settings;
        this.simulator = new FillSimulator(settings.slippage());
        this.catalog = settings.catalog();
    }

    /**
     * Rebuilds an engine from {@link #snapshot()}: given the same rule set and settings it was created with, the
     * restored engine produces the same {@link EngineResult} for every later input as the original engine.
     *
     * @throws IllegalArgumentException when the snapshot has another format version, belongs to another assessment,
     *                                  does not fit the rule set (phase, initial balance, trading-day notional) or is
     *                                  inconsistent in itself (an account before the start, books that do not
     *                                  balance, working orders in a terminal state or never placed, …)
     */
    public static AssessmentEngine restore(String assessmentId, RuleSet ruleSet, EngineSettings settings,
                                           EngineSnapshot snapshot) {
        if (snapshot.formatVersion() != EngineSnapshot.FORMAT_VERSION) {
            throw new IllegalArgumentException("snapshot format " + snapshot.formatVersion() + " is not "
                    + EngineSnapshot.FORMAT_VERSION);
        }
        if (!assessmentId.equals(snapshot.assessmentId())) {
            throw new IllegalArgumentException("snapshot of " + snapshot.assessmentId() + ", not " + assessmentId);
        }
        AssessmentEngine engine = new AssessmentEngine(assessmentId, ruleSet, settings);
        try {
            engine.restoreFrom(snapshot);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // a null where a value belongs, an unknown zone or instrument spec
            throw new IllegalArgumentException("inconsistent snapshot: " + e, e);
        }
        return engine;
    }

    /**
     * Everything later inputs depend on, as plain data ({@link EngineSnapshot}); take it between inputs. The engine
     * is not changed.
     */
    public EngineSnapshot snapshot() {
        Map<String, QuoteState> quoteStates = new TreeMap<>();
        quotes.forEach((k, q) -> quoteStates.put(k, QuoteState.of(q)));
        return new EngineSnapshot(EngineSnapshot.FORMAT_VERSION, assessmentId,
                EngineSnapshot.LifecycleState.of(lifecycle), phase, account == null ? null : account.state(),
                lastEvaluation == null ? null : EngineSnapshot.EvaluationState.of(lastEvaluation),
                working.values().stream().map(EngineSnapshot.WorkingOrderState::of).toList(),
                seenOrderKeys.stream().sorted().toList(), quoteStates, statuses, degradedSince, tradeSeq,
                violationSeq, tickSizes, preBreach);
    }

    /**
     * Fills a fresh engine from a snapshot, checking what the engine's own invariants guarantee: an account exists
     * exactly once the assessment has started, it is the current phase's account of this rule set, nothing works in
     * a terminal state, every working order was seen, every stored quote is filed under its own instrument.
     */
    private void restoreFrom(EngineSnapshot s) {
        Lifecycle restoredLifecycle = s.lifecycle().toLifecycle();
        AssessmentState state = restoredLifecycle.state();
        require(s.phase() >= 0 && s.phase() < ruleSet.phases().size(), "phase " + s.phase() + " outside the "
                + ruleSet.phases().size() + " phases of the rule set");
        require(s.tradeSeq() >= 0 && s.violationSeq() >= 0, "negative sequence");
        require(restoredLifecycle.violationId() == null || s.violationSeq() > 0,
                "a failing violation but no violation numbered");
        if (s.account() == null) {
            require(state == AssessmentState.CREATED || state == AssessmentState.ABANDONED,
                    state + " without an account");
            require(s.phase() == 0, "an unstarted assessment in phase " + s.phase());
        } else {
            require(state != AssessmentState.CREATED, "an account before the start");
            Account restored = Account.restore(s.account());
            require(restored.accountId().equals(assessmentId + "-A" + (s.phase() + 1)), "account "
                    + restored.accountId() + " is not phase " + (s.phase() + 1) + "'s of " + assessmentId);
            require(restored.initialBalance().compareTo(Money.book(ruleSet.initialBalance())) == 0,
                    "initial balance " + restored.initialBalance() + " is not the rule set's");
            require(s.account().tradingDayMinNotional().compareTo(Money.pctOf(
                    ruleSet.tradingDay().minTradeNotionalPctOfInitial(), ruleSet.initialBalance())) == 0,
                    "trading-day notional is not the rule set's");
            account = restored;
            rules = Rules.forPhase(ruleSet, ruleSet.phase(s.phase()));
        }
        lifecycle = restoredLifecycle;
        phase = s.phase();
        lastEvaluation = s.lastEvaluation() == null ? null : s.lastEvaluation().toEvaluation();
        require(!state.terminal() || s.workingOrders().isEmpty(), "working orders in " + state);
        for (String key : s.seenOrderKeys()) {
            require(key.startsWith("id:") || key.startsWith("key:"), "order key " + key);
            seenOrderKeys.add(key);
        }
        for (EngineSnapshot.WorkingOrderState ws : s.workingOrders()) {
            WorkingOrder wo = ws.toWorkingOrder();
            String id = wo.request().orderId();
            require(seenOrderKeys.contains("id:" + id), "working order " + id + " was never placed");
            require(working.put(id, wo) == null, "working order " + id + " twice");
        }
        s.quotes().forEach((key, qs) -> {
            Quote q = qs.toQuote();
            require(q.instrument().value().equals(key), "quote " + key + " is for " + q.instrument());
            quotes.put(key, q);
        });
        s.marketStatuses().forEach((key, status) -> {
            require(InstrumentId.parse(key).isPresent() && status != null, "market status of " + key);
            statuses.put(key, status);
        });
        s.degradedSince().forEach((key, since) -> {
            require(InstrumentId.parse(key).isPresent() && since != null, "degraded since of " + key);
            degradedSince.put(key, since);
        });
        s.tickSizes().forEach((key, tick) -> {
            catalog = catalog.withTickSize(InstrumentId.of(key), tick);
            tickSizes.put(key, tick);
        });
        tradeSeq = s.tradeSeq();
        violationSeq = s.violationSeq();
        if (s.preBreach() != null) {
            EngineSnapshot.PreBreachState pre = s.preBreach();
            require(state == AssessmentState.FAILED && pre.violationId() != null
                    && pre.violationId().equals(restoredLifecycle.violationId()), "a pre-breach state outside "
                    + "the FAILED state of its violation");
            require(pre.state() == AssessmentState.ACTIVE || pre.state() == AssessmentState.PAUSED,
                    "pre-breach state " + pre.state());
            require(pre.account() != null && pre.breachAt() != null && pre.instrument() != null
                    && pre.tradeSeq() >= 0 && pre.tradeSeq() <= tradeSeq, "pre-breach state lacks a field");
            Account.restore(pre.account()); // checks the books
            pre.workingOrders().forEach(EngineSnapshot.WorkingOrderState::toWorkingOrder);
            preBreach = pre;
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("inconsistent snapshot: " + problem);
        }
    }

    // ---------------------------------------------------------------------------------------------- read side

    public String assessmentId() {
        return assessmentId;
    }

    public AssessmentState state() {
        return lifecycle.state();
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Zero-based index of the current phase. */
    public int phase() {
        return phase;
    }

    public Optional<Account> account() {
        return Optional.ofNullable(account);
    }

    public Optional<Evaluation> lastEvaluation() {
        return Optional.ofNullable(lastEvaluation);
    }

    public List<WorkingOrder> workingOrders() {
        return List.copyOf(working.values());
    }

    /** Rule checks as of now without changing anything (for snapshots and dashboards). */
    public Optional<Evaluation> peek(Instant at) {
        if (account == null) {
            return Optional.empty();
        }
        return Optional.of(RuleEngine.evaluate(rules, RuleContext.at(ruleSet, currentPhase(), account.snapshot(),
                EvaluationPoint.TIMER, at)));
    }

    // --------------------------------------------------------------------------------------------- write side

    public EngineResult apply(EngineInput input) {
        return switch (input) {
            case EngineInput.Start s -> start(s.at());
            case EngineInput.PlaceOrder p -> placeOrder(p.order(), p.at());
            case EngineInput.CancelOrder c -> cancelOrder(c.orderId(), c.at());
            case EngineInput.QuoteReceived q -> onQuote(q.quote());
            case EngineInput.StatusChanged s -> onMarketStatus(s.instrument(), s.status(), s.at());
            case EngineInput.Resolved r -> onResolution(r.instrument(), r.price(), r.at());
            case EngineInput.Timer t -> onTimer(t.at());
            case EngineInput.TickSizeChanged c -> onTickSize(c.instrument(), c.tickSize(), c.at());
            case EngineInput.Pause p -> pause(p.at());
            case EngineInput.Resume r -> resume(r.at());
            case EngineInput.Abandon a -> abandon(a.reason(), a.at());
            case EngineInput.AdminFail f -> adminFail(f.reason(), f.at());
            case EngineInput.Reinstate r -> reinstate(r.voidedViolationId(), r.actor(), r.reason(), r.at());
        };
    }

    public EngineResult start(Instant at) {
        Lifecycle next = lifecycle.start();
        begin(at);
        openPhaseAccount(at);
        transition(next, "started", at);
        return finish();
    }

    public EngineResult placeOrder(OrderRequest order, Instant at) {
        begin(at);
        if (lifecycle.state() == AssessmentState.ACTIVE) {
            // catches a limit that ran out since the last timer tick (duration, inactivity) before taking risk
            evaluate(EvaluationPoint.PRE_TRADE, null, at, null);
        }
        if (lifecycle.state() != AssessmentState.ACTIVE) {
            events.add(new EngineEvent.OrderRejected(order, new Rejection(PreTradeCheck.ASSESSMENT_ACTIVE,
                    "assessment is " + lifecycle.state()), at));
            return finish();
        }
        if (seenOrderKeys.contains("id:" + order.orderId())
                || (order.idempotencyKey() != null && seenOrderKeys.contains("key:" + order.idempotencyKey()))) {
            events.add(new EngineEvent.OrderRejected(order, new Rejection(PreTradeCheck.DUPLICATE_ORDER,
                    "order " + order.orderId() + " / key " + order.idempotencyKey() + " was already placed"), at));
            return finish();
        }
        seenOrderKeys.add("id:" + order.orderId());
        if (order.idempotencyKey() != null) {
            seenOrderKeys.add("key:" + order.idempotencyKey());
        }
        Quote quote = quotes.get(order.instrument().value());
        Optional<Rejection> rejection = PreTradeChecks.check(order, preTradeContext(quote, order.instrument(), at));
        if (rejection.isPresent()) {
            events.add(new EngineEvent.OrderRejected(order, rejection.get(), at));
            return finish();
        }
        events.add(new EngineEvent.OrderAccepted(order, phase, at));
        WorkingOrder wo = WorkingOrder.accepted(order, at, ruleSet.exposure().fillDelayMs());
        working.put(order.orderId(), wo);
        if (ruleSet.exposure().fillDelayMs() == 0) {
            work(wo, quote, at, true);
        }
        return finish();
    }

    public EngineResult cancelOrder(String orderId, Instant at) {
        begin(at);
        if (working.remove(orderId) != null) {
            events.add(new EngineEvent.OrderCancelled(orderId, "cancelled by trader", at));
        }
        return finish();
    }

    public EngineResult onQuote(Quote quote) {
        Instant at = quote.receivedTs();
        begin(at);
        String key = quote.instrument().value();
        Quote known = quotes.get(key);
        if (known != null && known.receivedTs().isAfter(at)) {
            return finish(); // arrived out of order: an older price never replaces a newer mark
        }
        beforeQuote = mayBreach(quote.instrument()) ? BeforeQuote.take(this, quote.instrument(), known) : null;
        try {
            return applyQuote(quote, key, at);
        } finally {
            beforeQuote = null;
        }
    }

    private EngineResult applyQuote(Quote quote, String key, Instant at) {
        quotes.put(key, quote);
        Instant since = degradedSince.remove(key);
        if (since != null) {
            events.add(new EngineEvent.MonitoringDegraded(quote.instrument(), since, true, at));
        }
        if (account == null || lifecycle.state().terminal()) {
            return finish();
        }
        account.mark(quote);
        if (lifecycle.state() == AssessmentState.ACTIVE) {
            for (WorkingOrder wo : List.copyOf(working.values())) {
                if (wo.request().instrument().equals(quote.instrument()) && working.containsKey(wo.request().orderId())
                        && lifecycle.state() == AssessmentState.ACTIVE) {
                    work(wo, quote, at, false);
                }
            }
        }
        if (!lifecycle.state().terminal() && account.position(quote.instrument()).isPresent()) {
            evaluate(EvaluationPoint.QUOTE, null, at, quote);
        }
        return finish();
    }

    public EngineResult onMarketStatus(InstrumentId instrument, MarketStatus status, Instant at) {
        begin(at);
        statuses.put(instrument.value(), status);
        if (status == MarketStatus.CLOSED || status == MarketStatus.RESOLVED) {
            cancelWhere(wo -> wo.request().instrument().equals(instrument), "market " + status, at);
        }
        return finish();
    }

    public EngineResult onResolution(InstrumentId instrument, BigDecimal price, Instant at) {
        if (instrument.assetClass() != com.vaticprop.trading.instrument.AssetClass.PREDICTION_MARKET) {
            throw new IllegalArgumentException("only prediction markets resolve: " + instrument);
        }
        if (price != null && (price.signum() < 0 || price.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("settlement price must be within [0, 1]: " + price);
        }
        begin(at);
        statuses.put(instrument.value(), MarketStatus.RESOLVED);
        cancelWhere(wo -> wo.request().instrument().equals(instrument), "market resolved", at);
        if (account != null && !lifecycle.state().terminal()) {
            Optional<PositionChange> change = price == null ? account.voidMarket(instrument, at)
                    : account.settle(instrument, price, at);
            if (change.isPresent()) {
                events.add(new EngineEvent.Settled(instrument, price, price == null, at));
                events.add(new EngineEvent.PositionClosed(change.get().closed()));
                evaluate(EvaluationPoint.POST_FILL, null, at, null);
            }
        }
        return finish();
    }

    /** A venue changed a share's tick (Polymarket near 0.04/0.96, Kalshi deci-cent markets). */
    public EngineResult onTickSize(InstrumentId instrument, BigDecimal tickSize, Instant at) {
        begin(at);
        catalog = catalog.withTickSize(instrument, tickSize);
        tickSizes.put(instrument.value(), tickSize);
        return finish();
    }

    public EngineResult onTimer(Instant at) {
        begin(at);
        if (account != null && !lifecycle.state().terminal()) {
            for (Position p : account.positions()) {
                String key = p.instrument().value();
                Quote q = quotes.get(key);
                if ((q == null || settings.staleness().isStale(q, at)) && !degradedSince.containsKey(key)) {
                    Instant since = q == null ? at
                            : q.receivedTs().plus(settings.staleness().boundFor(p.instrument().assetClass()));
                    degradedSince.put(key, since);
                    events.add(new EngineEvent.MonitoringDegraded(p.instrument(), since, false, at));
                }
            }
            evaluate(EvaluationPoint.TIMER, null, at, null);
        }
        return finish();
    }

    public EngineResult pause(Instant at) {
        return command(Lifecycle::pause, "paused", at);
    }

    public EngineResult resume(Instant at) {
        return command(Lifecycle::resume, "resumed", at);
    }

    public EngineResult abandon(AbandonReason reason, Instant at) {
        EngineResult r = command(l -> l.abandon(reason), reason.name(), at);
        if (lifecycle.state() == AssessmentState.ABANDONED) {
            cancelWhere(wo -> true, "assessment abandoned", at);
            return finish();
        }
        return r;
    }

    public EngineResult adminFail(String reason, Instant at) {
        EngineResult r = command(l -> l.fail(FailureReason.ADMIN, null), "ADMIN: " + reason, at);
        if (lifecycle.state() == AssessmentState.FAILED && lifecycle.failureReason() == FailureReason.ADMIN) {
            cancelWhere(wo -> true, "assessment failed: ADMIN", at);
            liquidate("ADMIN-" + at.toEpochMilli(), at);
            complete(AssessmentState.FAILED, FailureReason.ADMIN.name(), null, at);
            return finish();
        }
        return r;
    }

    /**
     * Admin only: voids the breach that failed the assessment (a bad tick) and gives the trader back the exact state
     * from just before the quote that breached — account, positions, working orders — in the state it interrupted.
     * The trades made from that quote on (its fills, the liquidation) are voided and listed in the event. Days that
     * ended while the assessment was failed are then rolled, as they would have been.
     *
     * @throws IllegalTransitionException when the assessment is not FAILED
     * @throws IllegalArgumentException   when {@code voidedViolationId} is not the violation that failed it
     * @throws IllegalStateException      when no pre-breach state was kept: the assessment was not failed by a
     *                                    quote (an admin, a day roll or a timer failed it), so there is no bad tick
     */
    public EngineResult reinstate(String voidedViolationId, String actor, String reason, Instant at) {
        lifecycle.reinstate(voidedViolationId);
        EngineSnapshot.PreBreachState pre = preBreach;
        if (pre == null || !pre.violationId().equals(voidedViolationId)) {
            throw new IllegalStateException("the breach " + voidedViolationId + " was not measured on a quote: "
                    + "there is no pre-breach state to restore");
        }
        Lifecycle next = lifecycle.reinstate(voidedViolationId, pre.state());
        begin(at);
        List<String> voidedTrades = new ArrayList<>();
        for (int n = pre.tradeSeq() + 1; n <= tradeSeq; n++) {
            voidedTrades.add(assessmentId + "-T" + n);
        }
        List<String> voidedPositions = new ArrayList<>();
        for (int n = pre.account().positionSeq() + 1; n <= account.state().positionSeq(); n++) {
            voidedPositions.add(account.accountId() + "-P" + n);
        }
        account = Account.restore(pre.account());
        working.clear();
        for (EngineSnapshot.WorkingOrderState ws : pre.workingOrders()) {
            WorkingOrder wo = ws.toWorkingOrder();
            working.put(wo.request().orderId(), wo);
        }
        lastEvaluation = pre.lastEvaluation() == null ? null : pre.lastEvaluation().toEvaluation();
        Quote latest = quotes.get(pre.instrument());
        if (latest != null && !latest.receivedTs().isAfter(pre.breachAt())) { // still the bad tick: forget it
            if (pre.replacedQuote() == null) {
                quotes.remove(pre.instrument());
            } else {
                quotes.put(pre.instrument(), pre.replacedQuote().toQuote());
            }
        }
        preBreach = null;
        events.add(new EngineEvent.Reinstated(voidedViolationId, actor, reason, at, pre.state(), voidedTrades,
                voidedPositions, List.copyOf(account.positions()), List.copyOf(working.values())));
        transition(next, "reinstated by " + actor, at);
        rollDays(at);
        return finish();
    }

    /**
     * A lifecycle command: checked before anything changes (an illegal command throws and leaves no trace), then
     * the days up to {@code at} are rolled, then applied, unless the roll itself ended the assessment.
     */
    private EngineResult command(java.util.function.UnaryOperator<Lifecycle> command, String reason, Instant at) {
        command.apply(lifecycle);
        begin(at);
        if (!lifecycle.state().terminal()) {
            transition(command.apply(lifecycle), reason, at);
        }
        return finish();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private void begin(Instant at) {
        events = new ArrayList<>();
        checks = new ArrayList<>();
        rollDays(at);
    }

    private EngineResult finish() {
        return new EngineResult(events, checks);
    }

    private void rollDays(Instant at) {
        if (account == null || lifecycle.state().terminal()) {
            return;
        }
        while (!lifecycle.state().terminal()) {
            LocalDate next = account.day().plusDays(1);
            Instant boundary = ruleSet.dayBoundary().startOf(next);
            if (boundary.isAfter(at)) {
                return;
            }
            AccountSnapshot before = account.snapshot();
            DayClose close = account.closeDay(next);
            events.add(new EngineEvent.DayClosed(close, boundary));
            evaluate(EvaluationPoint.DAY_ROLL, before, boundary, null);
        }
    }

    private void evaluate(EvaluationPoint point, AccountSnapshot closedDay, Instant at, Quote quote) {
        AssessmentState state = lifecycle.state();
        if (state != AssessmentState.ACTIVE && state != AssessmentState.PAUSED) {
            return;
        }
        RuleContext ctx = new RuleContext(ruleSet, currentPhase(), account.snapshot(), closedDay, point, at);
        if ((point == EvaluationPoint.QUOTE || point == EvaluationPoint.TIMER)
                && !RuleEngine.anyHardLimitBreached(rules, ctx)) {
            // a quote or a timer can only breach: the pass conditions move with fills and day rolls (the target
            // needs a flat account, and a quote is judged only while a position is open). Nothing breached: no
            // checks to build — these evaluations stay in memory anyway (CONTRACTS: RuleChecks persisted on fills,
            // day rolls, breaches and state changes) — which makes a quote cheap for every account holding it.
            return;
        }
        Evaluation e = RuleEngine.evaluate(rules, ctx);
        lastEvaluation = e;
        checks.addAll(e.checks());
        if (e.failure().isPresent()) {
            fail(e.failure().get(), quote, at);
        } else if (e.passReady() && state == AssessmentState.ACTIVE) {
            passPhase(at);
        }
    }

    private void fail(RuleCheck breach, Quote quote, Instant at) {
        violationSeq++;
        String violationId = assessmentId + "-V" + violationSeq;
        preBreach = beforeQuote == null ? null : beforeQuote.preBreach(this, violationId, at);
        FailureReason reason = FailureReason.of(breach.rule());
        Quote evidence = quote;
        if (evidence == null && breach.unit() == com.vaticprop.trading.rules.Unit.MONEY) {
            evidence = latestHeldQuote();
        }
        events.add(new EngineEvent.ViolationDetected(violationId, breach, evidence, at));
        transition(lifecycle.fail(reason, violationId), reason.name(), at);
        cancelWhere(wo -> true, "assessment failed: " + reason, at);
        liquidate(violationId, at);
        complete(AssessmentState.FAILED, reason.name(), violationId, at);
    }

    /**
     * The breach policy: a failed account keeps no market risk. Every open position is closed by a reduce-only market
     * order of the engine's own, filled in full at the price the position was marked at when the limit was touched
     * (longs at the bid, shorts at the ask of the breach quote, or of the instrument's latest quote for the other
     * positions), with no slippage and the instrument's normal fee. Closing at the very marks the breach was measured
     * on means the final balance is the breach equity less the closing fees — nothing a later price does can change
     * the verdict or the money. The order ids derive from the assessment, the failure and the instrument, so a
     * replay produces the same orders.
     */
    private void liquidate(String failureId, Instant at) {
        if (account == null) {
            return;
        }
        int n = 0;
        for (Position p : List.copyOf(account.positions())) {
            Quote q = quotes.get(p.instrument().value());
            if (q == null) {
                continue; // cannot happen: a position is opened by a fill on a known quote
            }
            n++;
            String orderId = stableUuid(assessmentId + "/" + failureId + "/" + p.instrument().value());
            OrderRequest close = new OrderRequest(orderId, p.instrument(), p.isLong() ? Side.SELL : Side.BUY,
                    OrderType.MARKET, p.absQty(), null, null, TimeInForce.IOC, true,
                    "liquidation:" + failureId + ":" + n);
            seenOrderKeys.add("id:" + orderId);
            seenOrderKeys.add("key:" + close.idempotencyKey());
            events.add(new EngineEvent.OrderAccepted(close, phase, at));
            Instrument instrument = catalog.get(p.instrument());
            BigDecimal price = p.markPrice(q);
            FeeModel.FeeCharge fee = instrument.feeModel().charge(p.absQty(), price,
                    WorkingOrder.accepted(close, at, 0).fees());
            tradeSeq++;
            Fill fill = new Fill(assessmentId + "-T" + tradeSeq, orderId, p.instrument(), close.side(), p.absQty(),
                    price, fee.fee(), q, at);
            PositionChange change = account.applyFill(fill);
            events.add(new EngineEvent.OrderFilled(fill));
            if (change.closed() != null) {
                events.add(new EngineEvent.PositionClosed(change.closed()));
            }
        }
    }

    /** A quote can only breach an account that holds the instrument or works orders on it. */
    private boolean mayBreach(InstrumentId instrument) {
        return account != null && !lifecycle.state().terminal()
                && (account.position(instrument).isPresent() || worksOn(instrument));
    }

    private boolean worksOn(InstrumentId instrument) {
        for (WorkingOrder wo : working.values()) {
            if (wo.request().instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a quote may change before it breaches, taken before it is applied. Usually the quote only marks the
     * account, and a {@link Account.MarkUndo} (a few references) is enough to rebuild the state without it — cheap
     * for every quote of every held instrument. When orders work on the instrument the quote may also fill them, so
     * the account and the orders are copied whole.
     */
    private record BeforeQuote(InstrumentId instrument, Quote replaced, AssessmentState state,
                               Evaluation lastEvaluation, int tradeSeq, Account.MarkUndo undo,
                               AccountState account, List<EngineSnapshot.WorkingOrderState> working) {
        static BeforeQuote take(AssessmentEngine e, InstrumentId instrument, Quote replaced) {
            boolean works = e.worksOn(instrument);
            return new BeforeQuote(instrument, replaced, e.lifecycle.state(), e.lastEvaluation, e.tradeSeq,
                    works ? null : e.account.beforeMark(instrument), works ? e.account.state() : null,
                    works ? e.workingStates() : null);
        }

        /** Called when the breach is found, before anything is cancelled or liquidated. */
        EngineSnapshot.PreBreachState preBreach(AssessmentEngine e, String violationId, Instant at) {
            return new EngineSnapshot.PreBreachState(violationId, at, state, instrument.value(),
                    replaced == null ? null : QuoteState.of(replaced),
                    account != null ? account : e.account.stateBefore(undo),
                    working != null ? working : e.workingStates(),
                    lastEvaluation == null ? null : EngineSnapshot.EvaluationState.of(lastEvaluation), tradeSeq);
        }
    }

    private List<EngineSnapshot.WorkingOrderState> workingStates() {
        return working.values().stream().map(EngineSnapshot.WorkingOrderState::of).toList();
    }

    private void passPhase(Instant at) {
        cancelWhere(wo -> true, "phase passed", at);
        if (phase + 1 < ruleSet.phases().size()) {
            int passed = phase;
            phase++;
            openPhaseAccount(at);
            events.add(new EngineEvent.PhasePassed(passed, phase, account.accountId(), account.initialBalance(), at));
            return;
        }
        transition(lifecycle.pass(), "TARGET_MET", at);
        complete(AssessmentState.PASSED, "TARGET_MET", null, at);
        events.add(new EngineEvent.FundedEligible(ruleSet.profitSplitPct(), account.balance(), at));
    }

    private void complete(AssessmentState result, String reason, String violationId, Instant at) {
        BigDecimal balance = account == null ? Money.book(ruleSet.initialBalance()) : account.balance();
        BigDecimal equity = account == null ? balance : account.equity();
        events.add(new EngineEvent.Completed(result, reason, balance, equity, violationId, at));
    }

    private void transition(Lifecycle next, String reason, Instant at) {
        AssessmentState from = lifecycle.state();
        lifecycle = next;
        events.add(new EngineEvent.StateChanged(from, next.state(), reason, at));
    }

    private void openPhaseAccount(Instant at) {
        Phase p = currentPhase();
        BigDecimal minNotional = Money.pctOf(ruleSet.tradingDay().minTradeNotionalPctOfInitial(),
                ruleSet.initialBalance());
        account = new Account(assessmentId + "-A" + (phase + 1), ruleSet.initialBalance(), minNotional,
                ruleSet.dayBoundary().dayOf(at));
        for (Quote q : quotes.values()) {
            account.mark(q);
        }
        rules = Rules.forPhase(ruleSet, p);
    }

    private Phase currentPhase() {
        return ruleSet.phase(phase);
    }

    private PreTradeContext preTradeContext(Quote quote, InstrumentId id, Instant at) {
        return new PreTradeContext(ruleSet, catalog, quote, statuses.get(id.value()), account, at,
                settings.staleness());
    }

    /**
     * Tries to fill a working order against a quote.
     *
     * @param atPlacement the order was just accepted (pre-trade checks already ran against this quote)
     */
    private void work(WorkingOrder wo, Quote quote, Instant at, boolean atPlacement) {
        OrderRequest req = wo.request();
        if (quote == null) {
            return;
        }
        MarketStatus status = statuses.get(req.instrument().value());
        if (status != null && !status.acceptsOrders()) {
            return;
        }
        if (!atPlacement && ruleSet.exposure().fillDelayMs() > 0 && quote.receivedTs().isBefore(wo.eligibleFrom())) {
            return;
        }
        if (req.type() == OrderType.STOP && !wo.triggered()) {
            if (!FillSimulator.stopTriggered(req, quote)) {
                return;
            }
            wo = wo.trigger();
            working.put(req.orderId(), wo);
        }
        if (!atPlacement) {
            Optional<Rejection> recheck = PreTradeChecks.check(remainderOf(wo), preTradeContext(quote,
                    req.instrument(), at));
            if (recheck.isPresent()) {
                working.remove(req.orderId());
                events.add(new EngineEvent.OrderCancelled(req.orderId(), recheck.get().check() + ": "
                        + recheck.get().reason(), at));
                return;
            }
        }
        Instrument instrument = catalog.get(req.instrument());
        BigDecimal maxQty = executableQty(wo, instrument);
        if (maxQty.signum() <= 0) {
            working.remove(req.orderId());
            events.add(new EngineEvent.OrderCancelled(req.orderId(), "nothing left to reduce", at));
            return;
        }
        List<Execution> executions = simulator.match(req, quote, instrument, maxQty);
        for (Execution ex : executions) {
            FeeModel.FeeCharge fee = instrument.feeModel().charge(ex.qty(), ex.price(), wo.fees());
            wo = wo.filled(ex.qty(), fee.after());
            working.put(req.orderId(), wo);
            tradeSeq++;
            Fill fill = new Fill(assessmentId + "-T" + tradeSeq, req.orderId(), req.instrument(), req.side(),
                    ex.qty(), ex.price(), fee.fee(), quote, at);
            PositionChange change = account.applyFill(fill);
            events.add(new EngineEvent.OrderFilled(fill));
            if (change.closed() != null) {
                events.add(new EngineEvent.PositionClosed(change.closed()));
            }
            if (change.kind() == PositionChange.Kind.OPENED || change.kind() == PositionChange.Kind.FLIPPED) {
                events.add(new EngineEvent.PositionOpened(change.after()));
            }
            evaluate(EvaluationPoint.POST_FILL, null, at, quote);
            if (lifecycle.state() != AssessmentState.ACTIVE || !working.containsKey(req.orderId())) {
                return;
            }
        }
        if (wo.done()) {
            working.remove(req.orderId());
        } else if (req.reduceOnly() && executableQty(wo, instrument).signum() == 0) {
            working.remove(req.orderId());
            events.add(new EngineEvent.OrderCancelled(req.orderId(), "reduce-only remainder: position closed", at));
        } else if (req.tif() == TimeInForce.IOC) {
            working.remove(req.orderId());
            events.add(new EngineEvent.OrderCancelled(req.orderId(), "IOC remainder " + wo.remaining()
                    .stripTrailingZeros().toPlainString() + " not filled", at));
        }
    }

    /** Remaining quantity, capped so reduce-only never flips and prediction-market sells never go short. */
    private BigDecimal executableQty(WorkingOrder wo, Instrument instrument) {
        OrderRequest req = wo.request();
        BigDecimal held = account.position(req.instrument()).map(Position::qty).orElse(BigDecimal.ZERO);
        BigDecimal qty = wo.remaining();
        boolean opposite = held.signum() != 0 && held.signum() != req.side().sign();
        if (req.reduceOnly()) {
            return opposite ? qty.min(held.abs()) : BigDecimal.ZERO;
        }
        if (instrument instanceof Instrument.OutcomeShare && req.side().sign() < 0) {
            return qty.min(held.max(BigDecimal.ZERO));
        }
        return qty;
    }

    private static OrderRequest remainderOf(WorkingOrder wo) {
        OrderRequest r = wo.request();
        return new OrderRequest(r.orderId(), r.instrument(), r.side(), r.type(), wo.remaining(), r.limitPrice(),
                r.stopPrice(), r.tif(), r.reduceOnly(), r.idempotencyKey());
    }

    private void cancelWhere(java.util.function.Predicate<WorkingOrder> which, String reason, Instant at) {
        for (WorkingOrder wo : List.copyOf(working.values())) {
            if (which.test(wo)) {
                working.remove(wo.request().orderId());
                events.add(new EngineEvent.OrderCancelled(wo.request().orderId(), reason, at));
            }
        }
    }

    /** A name-based UUID (version 3) of the string's UTF-16 code units: the same name gives the same id. */
    private static String stableUuid(String name) {
        byte[] bytes = new byte[name.length() * 2];
        for (int i = 0; i < name.length(); i++) {
            bytes[2 * i] = (byte) (name.charAt(i) >> 8);
            bytes[2 * i + 1] = (byte) name.charAt(i);
        }
        return java.util.UUID.nameUUIDFromBytes(bytes).toString();
    }

    private Quote latestHeldQuote() {
        Quote latest = null;
        for (Position p : account.positions()) {
            Quote q = quotes.get(p.instrument().value());
            if (q != null && (latest == null || q.receivedTs().isAfter(latest.receivedTs()))) {
                latest = q;
            }
        }
        return latest;
    }
}
