package com.vaticprop.core.engine;

import com.vaticprop.core.assessment.AssessmentRepository;
import com.vaticprop.core.outbox.OutboxWriter;
import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.AssessmentReinstated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.FundedEligible;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PhasePassed;
import com.vaticprop.platform.events.data.PositionChanged;
import com.vaticprop.platform.events.data.QuoteEvidence;
import com.vaticprop.platform.events.data.ViolationDetected;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.AssessmentState;
import com.vaticprop.trading.assessment.EngineEvent;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.position.ClosedPosition;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.RuleCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what the engine decided: for each {@link EngineEvent}, in order, the rows it changes and the outbox event it
 * announces (with the assessment's next {@code seq}); then the account's booked totals and the open positions as the
 * engine holds them. Runs inside the transaction that also stores the engine's new snapshot, so the database, the
 * events and the engine state move together or not at all.
 *
 * <p>Rule checks are stored on fills and day rolls and whenever a limit is breached (CONTRACTS.md); quote- and
 * timer-level evaluations that breach nothing stay in memory.
 */
@Component
public class EngineRecorder {

    private final TradingRepository rows;
    private final AssessmentRepository accounts;
    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final BreachEvidence breachEvidence;

    EngineRecorder(TradingRepository rows, AssessmentRepository accounts, OutboxWriter outbox, JdbcClient jdbc,
                   BreachEvidence breachEvidence) {
        this.breachEvidence = breachEvidence;
        this.rows = rows;
        this.accounts = accounts;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** The assessment a result belongs to; {@code accountId} and {@code phase} follow phase passes. */
    public static final class Target {
        final UUID assessmentId;
        final UUID userId;
        final String currency;
        UUID accountId;
        int phase;

        public Target(UUID assessmentId, UUID userId, String currency, UUID accountId, int phase) {
            this.assessmentId = assessmentId;
            this.userId = userId;
            this.currency = currency;
            this.accountId = accountId;
            this.phase = phase;
        }
    }

    public void record(Target t, AssessmentEngine engine, EngineResult result) {
        List<EngineEvent> events = result.events();
        for (int i = 0; i < events.size(); i++) {
            recordEvent(t, events, i);
        }
        for (RuleCheck check : result.checks()) {
            String reason = storedReason(check);
            if (reason != null) {
                rows.insertRuleCheck(t.assessmentId, t.accountId, check, reason, null);
            }
        }
        engine.account().ifPresent(account -> syncAccount(t, account, lastTime(result)));
    }

    private void recordEvent(Target t, List<EngineEvent> events, int index) {
        EngineEvent event = events.get(index);
        switch (event) {
            case EngineEvent.OrderAccepted e -> {
                rows.insertOrder(t.assessmentId, t.accountId, e.order(), "OPEN", null, null, e.at());
                append(t, EventType.ORDER_PLACED, orderEvent(e.order(), null, null));
            }
            case EngineEvent.OrderRejected e -> {
                rows.insertOrder(t.assessmentId, t.accountId, e.order(), "REJECTED", e.rejection().check().name(),
                        e.rejection().reason(), e.at());
                append(t, EventType.ORDER_REJECTED, orderEvent(e.order(), e.rejection().check().name(),
                        e.rejection().reason()));
            }
            case EngineEvent.OrderCancelled e -> {
                UUID orderId = UUID.fromString(e.orderId());
                rows.cancelOrder(orderId, e.reason(), e.at());
                append(t, EventType.ORDER_CANCELLED, storedOrderEvent(orderId, e.reason()));
            }
            case EngineEvent.OrderFilled e -> recordFill(t, e, events, index);
            case EngineEvent.PositionOpened e -> rows.insertPosition(EngineIds.position(t.assessmentId,
                    e.position().positionId()), t.assessmentId, t.accountId, e.position());
            case EngineEvent.PositionClosed e -> {
                ClosedPosition c = e.position();
                UUID positionId = EngineIds.position(t.assessmentId, c.positionId());
                rows.closePosition(positionId, c);
                append(t, EventType.POSITION_CLOSED, new PositionChanged(positionId, c.instrument().value(),
                        c.side() == com.vaticprop.trading.order.Side.BUY ? "LONG" : "SHORT", c.qty(), c.avgEntry(),
                        c.exitPrice(), c.realizedPnl(), c.fees(), c.openedAt(), c.closedAt()));
            }
            case EngineEvent.DayClosed e -> append(t, EventType.ASSESSMENT_DAY_CLOSED, new DayClosed(e.day().day(),
                    e.day().closeBalance(), e.day().closeEquity(), e.day().dayPnl(), e.day().minEquity(),
                    e.day().maxEquity(), e.day().tradingDay(), e.day().fills()));
            case EngineEvent.ViolationDetected e -> {
                UUID violationId = EngineIds.violation(t.assessmentId, e.violationId());
                String quote = quoteJson(e.quote());
                rows.insertViolation(violationId, t.assessmentId, t.accountId, e.check(), quote, e.at());
                breachEvidence.breached(violationId, e.quote());
                rows.insertRuleCheck(t.assessmentId, t.accountId, e.check(), "BREACH", quote);
                RuleCheck c = e.check();
                append(t, EventType.VIOLATION_DETECTED, new ViolationDetected(violationId, c.rule().name(),
                        new ViolationDetected.Explanation(c.inputs(), c.threshold(), c.measured(), c.anchor(),
                                c.zone() == null ? null : c.zone().getId()), evidence(e.quote())));
            }
            case EngineEvent.StateChanged e -> recordStateChange(t, e);
            case EngineEvent.PhasePassed e -> recordPhasePassed(t, e);
            case EngineEvent.Completed e -> {
                jdbc.sql("UPDATE assessments SET result_reason = ?, ended_at = ?, updated_at = ? WHERE id = ?")
                        .params(e.reason(), Sql.ts(e.at()), Sql.ts(e.at()), t.assessmentId).update();
                rows.closeAccount(t.accountId, e.at());
                append(t, EventType.ASSESSMENT_COMPLETED, new AssessmentCompleted(
                        AssessmentCompleted.Result.valueOf(e.result().name()),
                        AssessmentCompleted.Reason.valueOf(e.reason()), e.finalBalance(), e.finalEquity(),
                        e.violationId() == null ? null : EngineIds.violation(t.assessmentId, e.violationId())));
            }
            case EngineEvent.FundedEligible e -> {
                jdbc.sql("UPDATE assessments SET funded_eligible = true, updated_at = ? WHERE id = ?")
                        .params(Sql.ts(e.at()), t.assessmentId).update();
                append(t, EventType.ASSESSMENT_FUNDED_ELIGIBLE, new FundedEligible(t.userId, e.profitSplitPct(),
                        e.finalBalance(), e.at()));
            }
            // instrument-wide: raised once per instrument by the quote table, not per assessment
            case EngineEvent.MonitoringDegraded e -> { }
            // a settlement's money effect arrives as the PositionClosed that follows it
            case EngineEvent.Settled e -> { }
            case EngineEvent.Reinstated e -> recordReinstated(t, e);
        }
    }

    /**
     * A fill books against the instrument's open position; a fill that opens one (or flips one, for its opening part)
     * names the position the engine opens right after it, whose row is inserted first so the trade can point at it.
     */
    private void recordFill(Target t, EngineEvent.OrderFilled e, List<EngineEvent> events, int index) {
        var f = e.fill();
        UUID positionId = rows.openPositionId(t.accountId, f.instrument().value());
        if (positionId == null) {
            for (int j = index + 1; j < events.size() && positionId == null; j++) {
                if (events.get(j) instanceof EngineEvent.OrderFilled) {
                    break;
                }
                if (events.get(j) instanceof EngineEvent.PositionOpened opened
                        && opened.position().instrument().equals(f.instrument())) {
                    positionId = EngineIds.position(t.assessmentId, opened.position().positionId());
                    rows.insertPosition(positionId, t.assessmentId, t.accountId, opened.position());
                }
            }
        }
        UUID tradeId = EngineIds.trade(t.assessmentId, f.tradeId());
        UUID orderId = UUID.fromString(f.orderId());
        rows.insertTrade(tradeId, t.assessmentId, t.accountId, positionId, f, quoteJson(f.quote()));
        rows.applyFill(orderId, f.qty(), f.price(), f.at());
        append(t, EventType.ORDER_FILLED, new OrderFilled(orderId, tradeId, f.instrument().value(), f.side().name(),
                f.qty(), f.price(), f.fee(), evidence(f.quote())));
        // announce an opened position once its opening fill is announced
        for (int j = index + 1; j < events.size(); j++) {
            if (events.get(j) instanceof EngineEvent.OrderFilled) {
                break;
            }
            if (events.get(j) instanceof EngineEvent.PositionOpened opened) {
                Position p = opened.position();
                append(t, EventType.POSITION_OPENED, new PositionChanged(EngineIds.position(t.assessmentId,
                        p.positionId()), p.instrument().value(), p.isLong() ? "LONG" : "SHORT", p.absQty(),
                        p.avgEntry(), null, null, p.fees(), p.openedAt(), null));
            }
        }
    }

    private void recordStateChange(Target t, EngineEvent.StateChanged e) {
        String status = e.to().name();
        jdbc.sql("""
                        UPDATE assessments SET status = ?, started_at = COALESCE(started_at, ?), updated_at = ?,
                               ended_at = CASE WHEN ? IN ('PASSED', 'FAILED', 'ABANDONED') THEN ? ELSE ended_at END,
                               abandon_reason = CASE WHEN ? = 'ABANDONED' THEN ? ELSE abandon_reason END,
                               version = version + 1
                        WHERE id = ?""")
                .params(status, e.to() == AssessmentState.ACTIVE ? Sql.ts(e.at()) : null, Sql.ts(e.at()), status,
                        Sql.ts(e.at()), status, e.reason(), t.assessmentId)
                .update();
        EventType type = switch (e.to()) {
            case ACTIVE -> e.from() == AssessmentState.PAUSED ? EventType.ASSESSMENT_RESUMED
                    : e.from() == AssessmentState.CREATED ? EventType.ASSESSMENT_STARTED : null;
            case PAUSED -> e.from() == AssessmentState.FAILED ? null : EventType.ASSESSMENT_PAUSED;
            case ABANDONED -> EventType.ASSESSMENT_ABANDONED;
            default -> null; // PASSED / FAILED are announced by assessment.completed; reinstatement by its own event
        };
        if (type != null) {
            append(t, type, new AssessmentStateChanged(e.at(), t.phase,
                    type == EventType.ASSESSMENT_ABANDONED ? e.reason() : null));
        }
    }

    /**
     * The breach is void: the violation, the bad tick's fills and the liquidation are kept on record marked voided;
     * the liquidated positions are open again, the orders the breach cancelled (or the bad tick filled) work again
     * as the engine restored them, and the account and the assessment are open again. The restored engine is the
     * truth for quantities: the rows are set from it, not undone step by step.
     */
    private void recordReinstated(Target t, EngineEvent.Reinstated e) {
        var at = Sql.ts(e.at());
        UUID violationId = EngineIds.violation(t.assessmentId, e.voidedViolationId());
        jdbc.sql("UPDATE violations SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL")
                .params(at, e.reason(), violationId).update();
        List<UUID> trades = e.voidedTradeIds().stream().map(id -> EngineIds.trade(t.assessmentId, id)).toList();
        List<UUID> positions = e.voidedPositionIds().stream().map(id -> EngineIds.position(t.assessmentId, id))
                .toList();
        List<UUID> reopened = new java.util.ArrayList<>();
        for (UUID trade : trades) {
            jdbc.sql("UPDATE trades SET voided_at = ? WHERE id = ?").params(at, trade).update();
        }
        for (UUID position : positions) {
            jdbc.sql("UPDATE positions SET voided_at = ?, updated_at = ? WHERE id = ?").params(at, at, position)
                    .update();
        }
        Set<UUID> working = new java.util.HashSet<>();
        for (var wo : e.workingOrders()) {
            UUID orderId = UUID.fromString(wo.request().orderId());
            working.add(orderId);
            jdbc.sql("""
                            UPDATE orders SET filled_qty = ?,
                                status = CASE WHEN ? > 0 THEN 'PARTIALLY_FILLED' ELSE 'OPEN' END,
                                avg_fill_price = (SELECT SUM(qty * price) / NULLIF(SUM(qty), 0) FROM trades
                                                  WHERE order_id = orders.id AND voided_at IS NULL),
                                reject_reason = NULL, updated_at = ?
                            WHERE id = ?""")
                    .params(wo.filledQty(), wo.filledQty(), at, orderId).update();
        }
        // orders whose every fill is void and that do not work again: the liquidation's
        for (UUID trade : trades) {
            jdbc.sql("UPDATE orders SET voided_at = ?, updated_at = ? WHERE id = (SELECT order_id FROM trades "
                    + "WHERE id = ?) AND voided_at IS NULL").params(at, at, trade).update();
        }
        working.forEach(orderId -> jdbc.sql("UPDATE orders SET voided_at = NULL WHERE id = ?").param(orderId)
                .update());
        for (Position p : e.positions()) {
            UUID positionId = EngineIds.position(t.assessmentId, p.positionId());
            reopened.add(positionId);
            jdbc.sql("""
                            UPDATE positions SET status = 'OPEN', qty = ?, avg_entry = ?, realized_pnl = ?,
                                fees = ?, exit_price = NULL, closed_at = NULL, voided_at = NULL, updated_at = ?
                            WHERE id = ?""")
                        .params(p.absQty(), p.avgEntry(), p.realizedPnl(), p.fees(), at, positionId).update();
        }
        jdbc.sql("UPDATE virtual_accounts SET closed_at = NULL, updated_at = ? WHERE id = ?").params(at, t.accountId)
                .update();
        jdbc.sql("UPDATE assessments SET result_reason = NULL, ended_at = NULL, updated_at = ? WHERE id = ?")
                .params(at, t.assessmentId).update();
        append(t, EventType.ASSESSMENT_REINSTATED, new AssessmentReinstated(e.at(), violationId,
                e.restoredState().name(), e.actor(), e.reason(), trades, positions, reopened));
    }

    /** Closes the passed phase's account with its booked totals and opens the next phase's account. */
    private void recordPhasePassed(Target t, EngineEvent.PhasePassed e) {
        jdbc.sql("""
                        UPDATE virtual_accounts v SET
                            realized_pnl = (SELECT COALESCE(SUM(realized_pnl), 0) FROM positions
                                            WHERE account_id = v.id AND voided_at IS NULL),
                            fees_paid = (SELECT COALESCE(SUM(fee), 0) FROM trades
                                         WHERE account_id = v.id AND voided_at IS NULL),
                            balance = initial_balance
                                + (SELECT COALESCE(SUM(realized_pnl), 0) FROM positions
                                   WHERE account_id = v.id AND voided_at IS NULL)
                                - (SELECT COALESCE(SUM(fee), 0) FROM trades
                                   WHERE account_id = v.id AND voided_at IS NULL),
                            closed_at = ?, updated_at = ?, state_version = state_version + 1
                        WHERE id = ?""")
                .params(Sql.ts(e.at()), Sql.ts(e.at()), t.accountId).update();
        UUID next = EngineIds.account(t.assessmentId, e.newAccountId());
        accounts.insertAccount(next, t.assessmentId, e.nextPhase(), t.currency, e.initialBalance(), e.at());
        String phaseName = jdbc.sql("SELECT rule_set -> 'phases' -> ? ->> 'name' FROM assessments WHERE id = ?")
                .params(e.nextPhase(), t.assessmentId).query(String.class).single();
        jdbc.sql("UPDATE assessments SET phase_index = ?, phase_name = ?, updated_at = ? WHERE id = ?")
                .params(e.nextPhase(), phaseName, Sql.ts(e.at()), t.assessmentId).update();
        append(t, EventType.ASSESSMENT_PHASE_PASSED, new PhasePassed(e.phase(), e.nextPhase(), next,
                e.initialBalance()));
        t.accountId = next;
        t.phase = e.nextPhase();
    }

    private void syncAccount(Target t, Account account, Instant at) {
        rows.updateAccount(t.accountId, account.balance(), account.realizedPnl(), account.fees(), at);
        for (Position p : account.positions()) {
            rows.updateOpenPosition(EngineIds.position(t.assessmentId, p.positionId()), p, at);
        }
    }

    private void append(Target t, EventType type, EventData data) {
        outbox.appendForAssessment(type, t.assessmentId, t.userId, t.phase, data);
    }

    private static String storedReason(RuleCheck check) {
        if (check.point() == EvaluationPoint.POST_FILL) {
            return "FILL";
        }
        if (check.point() == EvaluationPoint.DAY_ROLL) {
            return "DAY_ROLL";
        }
        return null; // a breach is stored with its violation
    }

    private static Instant lastTime(EngineResult result) {
        return result.events().isEmpty() ? Instant.now() : result.events().getLast().at();
    }

    private static OrderEvent orderEvent(OrderRequest o, String check, String reason) {
        return new OrderEvent(UUID.fromString(o.orderId()), o.instrument().value(), o.side().name(), o.type().name(),
                o.qty(), o.limitPrice(), o.stopPrice(), o.tif().name(), o.reduceOnly(), o.idempotencyKey(), check,
                reason);
    }

    private OrderEvent storedOrderEvent(UUID orderId, String reason) {
        return jdbc.sql("""
                        SELECT instrument, side, type, qty, limit_price, stop_price, tif, reduce_only, idempotency_key
                        FROM orders WHERE id = ?""")
                .param(orderId)
                .query((rs, n) -> new OrderEvent(orderId, rs.getString("instrument"), rs.getString("side"),
                        rs.getString("type"), rs.getBigDecimal("qty"), rs.getBigDecimal("limit_price"),
                        rs.getBigDecimal("stop_price"), rs.getString("tif"), rs.getBoolean("reduce_only"),
                        rs.getString("idempotency_key"), null, reason))
                .single();
    }

    static QuoteEvidence evidence(Quote q) {
        return q == null ? null : new QuoteEvidence(q.venue(), q.venueSeq(), q.bid(), q.ask(), q.venueTs(),
                q.receivedTs());
    }

    static String quoteJson(Quote q) {
        if (q == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", q.instrument().value());
        m.put("venue", q.venue());
        m.put("venueSeq", q.venueSeq());
        m.put("bid", q.bid());
        m.put("ask", q.ask());
        m.put("venueTs", q.venueTs());
        m.put("receivedTs", q.receivedTs());
        return VaticJson.mapper().writeValueAsString(m);
    }
}
