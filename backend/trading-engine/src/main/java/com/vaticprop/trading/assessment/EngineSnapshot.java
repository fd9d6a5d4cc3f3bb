package com.vaticprop.trading.assessment;

import com.vaticprop.trading.account.AccountState;
import com.vaticprop.trading.instrument.FeeModel.OrderFees;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.QuoteState;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.order.WorkingOrder;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.RuleCheck;
import com.vaticprop.trading.rules.RuleKind;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.rules.Unit;
import com.vaticprop.trading.rules.Verdict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything an {@link AssessmentEngine}'s future behaviour depends on, as plain data (strings, decimals, instants,
 * dates, numbers, enums, lists, string-keyed maps and nested records): {@link AssessmentEngine#snapshot()} takes it,
 * {@link AssessmentEngine#restore} rebuilds an engine that answers every later input exactly as the original would.
 * Replaying all inputs would need every quote ever received; a snapshot needs only the latest one per instrument.
 *
 * <p>Not captured, because the caller passes them again on restore: the pinned {@link com.vaticprop.trading.ruleset
 * .RuleSet} and the {@link EngineSettings} (configured catalogue, slippage, staleness). The rules themselves are pure
 * functions of the rule set and the phase, so they are rebuilt, not stored. Closed positions are not captured either
 * (see {@link AccountState}). Maps are kept sorted by key so that the same state always serialises the same way.
 *
 * <p>Every decimal keeps its scale: a restored engine's events must be {@code equals} to the original's, and
 * {@code BigDecimal.equals} compares scale.
 *
 * @param formatVersion  {@link #FORMAT_VERSION} when taken; restore refuses any other, so a stored snapshot from an
 *                       incompatible engine is never silently misread
 * @param assessmentId   prefix of trade, violation and account ids; restore checks it against the id it is given
 * @param lifecycle      state, and the failure/abandon reason and failing violation (reinstatement must void it)
 * @param phase          zero-based current phase: selects the rules, the target and the account id
 * @param account        the current phase's account; {@code null} before the start (and after abandoning unstarted)
 * @param lastEvaluation the last rule evaluation, as {@link AssessmentEngine#lastEvaluation()} reports it
 * @param workingOrders  accepted, unfinished orders in acceptance order (the order they are worked on a quote), with
 *                       placement time, fill eligibility, filled quantity, stop trigger and per-order fee totals
 * @param seenOrderKeys  every order id ({@code id:…}) and idempotency key ({@code key:…}) ever accepted for
 *                       placement, sorted: a duplicate is rejected forever, not only while the order works
 * @param quotes         the latest quote per instrument id: fills, pre-trade freshness, marks of a new phase account,
 *                       out-of-order detection, degraded-monitoring detection and breach evidence all read it
 * @param marketStatuses last market status per instrument id (orders only fill while OPEN; RESOLVED after a
 *                       resolution)
 * @param degradedSince  instruments currently reported as degraded, with the time since when; the recovery event
 *                       repeats that time and a second degradation is not reported twice
 * @param tradeSeq       last trade number ({@code <assessmentId>-T<n>})
 * @param violationSeq   last violation number ({@code <assessmentId>-V<n>})
 * @param tickSizes      tick sizes changed by {@link EngineInput.TickSizeChanged} since the engine was created,
 *                       per instrument id; restore applies them to the configured catalogue
 * @param preBreach      while FAILED by a breach measured on a quote: the state just before that quote, which an
 *                       admin's reinstatement restores; {@code null} otherwise (absent in snapshots taken before it
 *                       existed, which therefore still read as format 1)
 */
public record EngineSnapshot(int formatVersion, String assessmentId, LifecycleState lifecycle, int phase,
                             AccountState account, EvaluationState lastEvaluation,
                             List<WorkingOrderState> workingOrders, List<String> seenOrderKeys,
                             Map<String, QuoteState> quotes, Map<String, MarketStatus> marketStatuses,
                             Map<String, Instant> degradedSince, int tradeSeq, int violationSeq,
                             Map<String, BigDecimal> tickSizes, PreBreachState preBreach) {
    /** The format {@link AssessmentEngine#snapshot()} writes; bump it when a component changes meaning. */
    public static final int FORMAT_VERSION = 1;

    public EngineSnapshot {
        workingOrders = workingOrders == null ? List.of() : List.copyOf(workingOrders);
        seenOrderKeys = seenOrderKeys == null ? List.of() : List.copyOf(seenOrderKeys);
        quotes = sorted(quotes);
        marketStatuses = sorted(marketStatuses);
        degradedSince = sorted(degradedSince);
        tickSizes = sorted(tickSizes);
    }

    /** A snapshot of an engine that keeps no pre-breach state. */
    public EngineSnapshot(int formatVersion, String assessmentId, LifecycleState lifecycle, int phase,
                          AccountState account, EvaluationState lastEvaluation, List<WorkingOrderState> workingOrders,
                          List<String> seenOrderKeys, Map<String, QuoteState> quotes,
                          Map<String, MarketStatus> marketStatuses, Map<String, Instant> degradedSince, int tradeSeq,
                          int violationSeq, Map<String, BigDecimal> tickSizes) {
        this(formatVersion, assessmentId, lifecycle, phase, account, lastEvaluation, workingOrders, seenOrderKeys,
                quotes, marketStatuses, degradedSince, tradeSeq, violationSeq, tickSizes, null);
    }

    /**
     * The trader's side of the engine just before the quote that breached, kept while the assessment is FAILED so an
     * admin can void a breach caused by a bad tick and give the trader back exactly what they had: the account (cash,
     * positions, day anchors, equity extremes, marks), the working orders and the last evaluation. Market facts
     * (statuses, tick sizes) and numbering (trades, violations, order keys) are not rolled back: ids are never reused.
     *
     * @param violationId    the engine's id of the breach this state precedes (only its voiding restores it)
     * @param breachAt       when the breaching quote was received
     * @param state          ACTIVE or PAUSED: the state the assessment returns to
     * @param instrument     the breaching quote's instrument
     * @param replacedQuote  the engine's latest quote of that instrument before the bad one, {@code null} if none
     * @param tradeSeq       last trade number before the quote: every later trade (fills on the bad tick, the
     *                       liquidation) is voided
     */
    public record PreBreachState(String violationId, Instant breachAt, AssessmentState state, String instrument,
                                 QuoteState replacedQuote, AccountState account,
                                 List<WorkingOrderState> workingOrders, EvaluationState lastEvaluation,
                                 int tradeSeq) {
        public PreBreachState {
            workingOrders = workingOrders == null ? List.of() : List.copyOf(workingOrders);
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** {@link Lifecycle} as plain data: the reasons are only set in FAILED / ABANDONED. */
    public record LifecycleState(AssessmentState state, FailureReason failureReason, String violationId,
                                 AbandonReason abandonReason) {
        static LifecycleState of(Lifecycle l) {
            return new LifecycleState(l.state(), l.failureReason(), l.violationId(), l.abandonReason());
        }

        Lifecycle toLifecycle() {
            if (state == null) {
                throw new IllegalArgumentException("lifecycle without a state");
            }
            if ((failureReason != null || violationId != null) && state != AssessmentState.FAILED) {
                throw new IllegalArgumentException("a failure reason outside FAILED: " + state);
            }
            if (state == AssessmentState.FAILED && failureReason == null) {
                throw new IllegalArgumentException("FAILED without a reason");
            }
            if ((abandonReason != null) != (state == AssessmentState.ABANDONED)) {
                throw new IllegalArgumentException("an abandon reason belongs to ABANDONED only: " + state);
            }
            return new Lifecycle(state, failureReason, violationId, abandonReason);
        }
    }

    /** {@link OrderRequest} as plain data, exactly as accepted (the remainder is derived from the filled quantity). */
    public record OrderState(String orderId, String instrument, Side side, OrderType type, BigDecimal qty,
                             BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce tif, boolean reduceOnly,
                             String idempotencyKey) {
        static OrderState of(OrderRequest r) {
            return new OrderState(r.orderId(), r.instrument().value(), r.side(), r.type(), r.qty(), r.limitPrice(),
                    r.stopPrice(), r.tif(), r.reduceOnly(), r.idempotencyKey());
        }

        OrderRequest toRequest() {
            return new OrderRequest(orderId, InstrumentId.of(instrument), side, type, qty, limitPrice, stopPrice,
                    tif, reduceOnly, idempotencyKey);
        }
    }

    /**
     * {@link WorkingOrder} as plain data.
     *
     * @param eligibleFrom first quote receipt time it may fill against (placement + the rule set's fill delay)
     * @param triggered    a stop that has triggered works like a market order from then on
     * @param feesRaw      unrounded fee total of the order's fills (Kalshi rounds the order's cumulative amount)
     * @param feesCharged  fee actually charged to the order so far
     */
    public record WorkingOrderState(OrderState order, Instant placedAt, Instant eligibleFrom, BigDecimal filledQty,
                                    boolean triggered, BigDecimal feesRaw, BigDecimal feesCharged) {
        static WorkingOrderState of(WorkingOrder w) {
            return new WorkingOrderState(OrderState.of(w.request()), w.placedAt(), w.eligibleFrom(), w.filledQty(),
                    w.triggered(), w.fees().raw(), w.fees().charged());
        }

        WorkingOrder toWorkingOrder() {
            if (order == null || filledQty == null || feesRaw == null || feesCharged == null) {
                throw new IllegalArgumentException("working order lacks a field");
            }
            OrderRequest r = order.toRequest();
            if (filledQty.signum() < 0 || filledQty.compareTo(r.qty()) >= 0) {
                throw new IllegalArgumentException("working order " + r.orderId() + " filled " + filledQty
                        + " of " + r.qty() + ": nothing would be left to work");
            }
            if (!triggered && r.type() != OrderType.STOP) {
                throw new IllegalArgumentException("only a stop order waits for a trigger: " + r.orderId());
            }
            return new WorkingOrder(r, placedAt, eligibleFrom, filledQty, triggered,
                    new OrderFees(feesRaw, feesCharged));
        }
    }

    /**
     * {@link Evaluation} as plain data.
     *
     * @param failure the rule whose check is the evaluation's failure, {@code null} if none
     */
    public record EvaluationState(List<RuleCheckState> checks, RuleName failure, boolean passReady) {
        public EvaluationState {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        static EvaluationState of(Evaluation e) {
            return new EvaluationState(e.checks().stream().map(RuleCheckState::of).toList(),
                    e.failure().map(RuleCheck::rule).orElse(null), e.passReady());
        }

        Evaluation toEvaluation() {
            List<RuleCheck> restored = checks.stream().map(RuleCheckState::toCheck).toList();
            Optional<RuleCheck> failed = Optional.empty();
            if (failure != null) {
                failed = Optional.of(restored.stream().filter(c -> c.rule() == failure).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("failure " + failure + " has no check")));
            }
            return new Evaluation(restored, failed, passReady);
        }
    }

    /** {@link RuleCheck} as plain data; {@code zone} is the zone id, {@code inputs} keep their order. */
    public record RuleCheckState(RuleName rule, RuleKind kind, EvaluationPoint point, Instant at, Verdict verdict,
                                 Map<String, String> inputs, BigDecimal threshold, BigDecimal measured,
                                 String anchor, String zone, Unit unit, BigDecimal distance,
                                 BigDecimal distancePct, String explanation) {
        public RuleCheckState {
            inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }

        static RuleCheckState of(RuleCheck c) {
            return new RuleCheckState(c.rule(), c.kind(), c.point(), c.at(), c.verdict(), c.inputs(),
                    c.threshold(), c.measured(), c.anchor(), c.zone() == null ? null : c.zone().getId(), c.unit(),
                    c.distance(), c.distancePct(), c.explanation());
        }

        RuleCheck toCheck() {
            return new RuleCheck(rule, kind, point, at, verdict, inputs, threshold, measured, anchor,
                    zone == null ? null : ZoneId.of(zone), unit, distance, distancePct, explanation);
        }
    }
}
