package com.vaticprop.report.readmodel;

import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentReinstated;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.FundedEligible;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PhasePassed;
import com.vaticprop.platform.events.data.PositionChanged;
import com.vaticprop.platform.events.data.ViolationDetected;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Applies one of core-service's assessment events (already in seq order, exactly once) to the read model. Events the
 * reports do not use (orders placed, cancelled, rejected, positions opened) only move the assessment's {@code
 * last_seq}. After any event of a finished assessment its FINAL report is (re)queued, so a report always reflects
 * every event up to its {@code as_of_seq} — including ones that trail {@code assessment.completed}; a reinstatement
 * reopens the result and drops the FINAL report.
 */
public final class ReadModelWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReportQueue queue;
    private final Clock clock;

    public ReadModelWriter(JdbcClient jdbc, JsonMapper json, ReportQueue queue, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.queue = queue;
        this.clock = clock;
    }

    public void apply(EventEnvelope<?> e) {
        switch (e.eventType()) {
            case ASSESSMENT_CREATED -> created(e, (AssessmentCreated) e.data());
            case ASSESSMENT_STARTED, ASSESSMENT_RESUMED -> status(e, "ACTIVE");
            case ASSESSMENT_PAUSED -> status(e, "PAUSED");
            case ASSESSMENT_ABANDONED -> {
                status(e, "ABANDONED");
                ended(e);
            }
            case ASSESSMENT_COMPLETED -> completed(e, (AssessmentCompleted) e.data());
            case ASSESSMENT_REINSTATED -> reinstated(e, (AssessmentReinstated) e.data());
            case ASSESSMENT_FUNDED_ELIGIBLE -> fundedEligible(e, (FundedEligible) e.data());
            case ASSESSMENT_PHASE_PASSED -> phasePassed(e, (PhasePassed) e.data());
            case ORDER_FILLED -> fill(e, (OrderFilled) e.data());
            case POSITION_CLOSED -> roundTrip(e, (PositionChanged) e.data());
            case ASSESSMENT_DAY_CLOSED -> day(e, (DayClosed) e.data());
            case VIOLATION_DETECTED -> violation(e, (ViolationDetected) e.data());
            default -> { }
        }
        touch(e);
        String status = jdbc.sql("SELECT status FROM assessment WHERE assessment_id = ?").param(e.assessmentId())
                .query(String.class).optional().orElse(null);
        if ("PASSED".equals(status) || "FAILED".equals(status)) {
            queue.request(e.assessmentId(), ReportKind.FINAL, e.seq());
        }
    }

    private void created(EventEnvelope<?> e, AssessmentCreated c) {
        jdbc.sql("""
                        INSERT INTO assessment (assessment_id, user_id, tier_id, tier_version, rule_set,
                            initial_balance, currency, phase, status, funded_eligible, created_at, last_seq, updated_at)
                        VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?, 'CREATED', false, ?, ?, ?)
                        ON CONFLICT (assessment_id) DO NOTHING""")
                .params(e.assessmentId(), c.userId(), c.tierId(), c.tierVersion(),
                        json.writeValueAsString(c.ruleSet()), c.initialBalance(), c.currency(), c.phase(),
                        ts(e.occurredAt()), e.seq(), now())
                .update();
    }

    private void status(EventEnvelope<?> e, String status) {
        jdbc.sql("""
                        UPDATE assessment SET status = ?,
                            started_at = CASE WHEN ? = 'ACTIVE' THEN COALESCE(started_at, ?) ELSE started_at END
                        WHERE assessment_id = ?""")
                .params(status, status, ts(e.occurredAt()), e.assessmentId()).update();
    }

    private void ended(EventEnvelope<?> e) {
        jdbc.sql("UPDATE assessment SET ended_at = ? WHERE assessment_id = ?")
                .params(ts(e.occurredAt()), e.assessmentId()).update();
    }

    private void completed(EventEnvelope<?> e, AssessmentCompleted c) {
        jdbc.sql("""
                        UPDATE assessment SET status = ?, result = ?, reason = ?, final_balance = ?, final_equity = ?,
                            violation_id = ?, ended_at = ?
                        WHERE assessment_id = ?""")
                .params(c.result().name(), c.result().name(), c.reason().name(), c.finalBalance(), c.finalEquity(),
                        c.violationId(), ts(e.occurredAt()), e.assessmentId())
                .update();
        if (c.result() == AssessmentCompleted.Result.PASSED) {
            queue.request(e.assessmentId(), ReportKind.CERTIFICATE, e.seq());
        }
    }

    /** FAILED → ACTIVE (or the restored state): the result is reopened and the voided breach kept, marked voided. */
    private void reinstated(EventEnvelope<?> e, AssessmentReinstated r) {
        String restored = r.restoredState() == null ? "ACTIVE" : r.restoredState();
        jdbc.sql("""
                        UPDATE assessment SET status = ?, result = NULL, reason = NULL, final_balance = NULL,
                            final_equity = NULL, violation_id = NULL, ended_at = NULL
                        WHERE assessment_id = ?""")
                .params(restored, e.assessmentId()).update();
        if (r.voidedViolationId() != null) {
            jdbc.sql("UPDATE violation SET voided = true WHERE violation_id = ?").param(r.voidedViolationId()).update();
        }
        // the bad tick's fills and the liquidation no longer count; reopened positions have no round trip (yet)
        for (java.util.UUID trade : r.voidedTradeIds()) {
            jdbc.sql("DELETE FROM fill WHERE assessment_id = ? AND trade_id = ?").params(e.assessmentId(), trade)
                    .update();
        }
        for (java.util.UUID position : concat(r.voidedPositionIds(), r.reopenedPositionIds())) {
            jdbc.sql("DELETE FROM round_trip WHERE assessment_id = ? AND position_id = ?")
                    .params(e.assessmentId(), position).update();
        }
        queue.drop(e.assessmentId(), ReportKind.FINAL);
    }

    private static java.util.List<java.util.UUID> concat(java.util.List<java.util.UUID> a,
                                                         java.util.List<java.util.UUID> b) {
        java.util.List<java.util.UUID> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void fundedEligible(EventEnvelope<?> e, FundedEligible f) {
        jdbc.sql("UPDATE assessment SET funded_eligible = true, profit_split_pct = ? WHERE assessment_id = ?")
                .params(f.profitSplitPct(), e.assessmentId()).update();
        queue.request(e.assessmentId(), ReportKind.CERTIFICATE, e.seq());
    }

    private void phasePassed(EventEnvelope<?> e, PhasePassed p) {
        jdbc.sql("UPDATE assessment SET phase = ?, initial_balance = ? WHERE assessment_id = ?")
                .params(p.nextPhase(), p.initialBalance(), e.assessmentId()).update();
    }

    private void fill(EventEnvelope<?> e, OrderFilled f) {
        jdbc.sql("""
                        INSERT INTO fill (assessment_id, trade_id, order_id, phase, instrument, side, qty, price, fee,
                            quote, filled_at, seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?)
                        ON CONFLICT (assessment_id, trade_id) DO NOTHING""")
                .params(e.assessmentId(), f.tradeId(), f.orderId(), phase(e), f.instrument(), f.side(), f.qty(),
                        f.price(), f.fee(), f.quote() == null ? null : json.writeValueAsString(f.quote()),
                        ts(e.occurredAt()), e.seq())
                .update();
    }

    private void roundTrip(EventEnvelope<?> e, PositionChanged p) {
        if (p.closedAt() == null || p.realizedPnl() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO round_trip (assessment_id, position_id, phase, instrument, side, qty, avg_entry,
                            exit_price, realized_pnl, fees, opened_at, closed_at, seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (assessment_id, position_id) DO NOTHING""")
                .params(e.assessmentId(), p.positionId(), phase(e), p.instrument(), p.side(), p.qty(), p.avgEntry(),
                        p.exitPrice(), p.realizedPnl(), p.fees() == null ? java.math.BigDecimal.ZERO : p.fees(),
                        ts(p.openedAt() == null ? p.closedAt() : p.openedAt()), ts(p.closedAt()), e.seq())
                .update();
    }

    private void day(EventEnvelope<?> e, DayClosed d) {
        jdbc.sql("""
                        INSERT INTO trading_day (assessment_id, phase, day, close_balance, close_equity, day_pnl,
                            min_equity, max_equity, trading_day, fills, seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (assessment_id, phase, day) DO NOTHING""")
                .params(e.assessmentId(), phase(e), java.sql.Date.valueOf(d.day()), d.closeBalance(),
                        d.closeEquity(), d.dayPnl(), d.minEquity(), d.maxEquity(), d.tradingDay(), d.fills(), e.seq())
                .update();
    }

    private void violation(EventEnvelope<?> e, ViolationDetected v) {
        ViolationDetected.Explanation x = v.explanation();
        jdbc.sql("""
                        INSERT INTO violation (violation_id, assessment_id, phase, rule, explanation, threshold,
                            measured, quote, detected_at, voided, seq)
                        VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, ?, CAST(? AS JSONB), ?, false, ?)
                        ON CONFLICT (violation_id) DO NOTHING""")
                .params(v.violationId(), e.assessmentId(), phase(e), v.rule(),
                        json.writeValueAsString(x == null ? Map.of() : x), x == null ? null : x.threshold(),
                        x == null ? null : x.value(), v.quote() == null ? null : json.writeValueAsString(v.quote()),
                        ts(e.occurredAt()), e.seq())
                .update();
    }

    private void touch(EventEnvelope<?> e) {
        jdbc.sql("UPDATE assessment SET last_seq = GREATEST(last_seq, ?), updated_at = ? WHERE assessment_id = ?")
                .params(e.seq(), now(), e.assessmentId()).update();
    }

    /** The phase the event happened in: the envelope's, else the assessment's current one. */
    private int phase(EventEnvelope<?> e) {
        if (e.phase() != null) {
            return e.phase();
        }
        return jdbc.sql("SELECT phase FROM assessment WHERE assessment_id = ?").param(e.assessmentId())
                .query(Integer.class).optional().orElse(0);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
