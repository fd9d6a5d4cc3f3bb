package com.vaticprop.montecarlo.readmodel;

import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentReinstated;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.PhasePassed;
import com.vaticprop.platform.events.data.PositionChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Applies one assessment event (already in seq order, exactly once) to the read model: the assessment's owner, pinned
 * rule set, phase, initial balance and state, and its sample — closed round trips and closed days, each tagged with
 * the phase it happened in (a two-step's second phase starts a new account and a new sample). Events that change
 * nothing here (orders, fills, violations…) still pass through, so the seq cursor moves over them.
 */
public final class ReadModelWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public ReadModelWriter(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void apply(EventEnvelope<?> event) {
        switch (event.eventType()) {
            case ASSESSMENT_CREATED -> created(event, (AssessmentCreated) event.data());
            case ASSESSMENT_STARTED, ASSESSMENT_RESUMED -> status(event, "ACTIVE");
            case ASSESSMENT_REINSTATED -> reinstated(event, (AssessmentReinstated) event.data());
            case ASSESSMENT_PAUSED -> status(event, "PAUSED");
            case ASSESSMENT_ABANDONED -> status(event, "ABANDONED");
            case ASSESSMENT_COMPLETED -> status(event, ((AssessmentCompleted) event.data()).result().name());
            case ASSESSMENT_PHASE_PASSED -> phasePassed(event, (PhasePassed) event.data());
            case POSITION_CLOSED -> roundTrip(event, (PositionChanged) event.data());
            case ASSESSMENT_DAY_CLOSED -> day(event, (DayClosed) event.data());
            default -> touch(event);
        }
    }

    private void created(EventEnvelope<?> e, AssessmentCreated c) {
        jdbc.sql("""
                        INSERT INTO assessment_sample (assessment_id, user_id, rule_set, initial_balance, currency,
                            phase, status, last_seq, updated_at)
                        VALUES (?, ?, CAST(? AS JSONB), ?, ?, ?, 'CREATED', ?, ?)
                        ON CONFLICT (assessment_id) DO NOTHING""")
                .params(e.assessmentId(), c.userId(), json.writeValueAsString(c.ruleSet()), c.initialBalance(),
                        c.currency(), c.phase(), e.seq(), now())
                .update();
    }

    private void status(EventEnvelope<?> e, String status) {
        jdbc.sql("UPDATE assessment_sample SET status = ?, last_seq = ?, updated_at = ? WHERE assessment_id = ?")
                .params(status, e.seq(), now(), e.assessmentId()).update();
    }

    /**
     * A voided breach: the liquidation's round trips are undone (their positions are open again, or never existed),
     * so the sample the simulation draws from no longer holds a loss the trader did not make.
     */
    private void reinstated(EventEnvelope<?> e, AssessmentReinstated r) {
        java.util.List<java.util.UUID> positions = new java.util.ArrayList<>(r.voidedPositionIds());
        positions.addAll(r.reopenedPositionIds());
        for (java.util.UUID position : positions) {
            jdbc.sql("DELETE FROM sample_round_trip WHERE assessment_id = ? AND position_id = ?")
                    .params(e.assessmentId(), position).update();
        }
        status(e, r.restoredState() == null ? "ACTIVE" : r.restoredState());
    }

    private void phasePassed(EventEnvelope<?> e, PhasePassed p) {
        jdbc.sql("""
                        UPDATE assessment_sample SET phase = ?, initial_balance = ?, last_seq = ?, updated_at = ?
                        WHERE assessment_id = ?""")
                .params(p.nextPhase(), p.initialBalance(), e.seq(), now(), e.assessmentId()).update();
    }

    private void touch(EventEnvelope<?> e) {
        jdbc.sql("UPDATE assessment_sample SET last_seq = ?, updated_at = ? WHERE assessment_id = ?")
                .params(e.seq(), now(), e.assessmentId()).update();
    }

    private void roundTrip(EventEnvelope<?> e, PositionChanged p) {
        if (p.closedAt() == null || p.realizedPnl() == null) {
            touch(e);
            return;
        }
        BigDecimal fees = p.fees() == null ? BigDecimal.ZERO : p.fees();
        BigDecimal notional = p.qty().abs().multiply(p.avgEntry());
        jdbc.sql("""
                        INSERT INTO sample_round_trip (assessment_id, position_id, phase, instrument, notional,
                            realized_pnl, fees, opened_at, closed_at, seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (assessment_id, position_id) DO NOTHING""")
                .params(e.assessmentId(), p.positionId(), phaseOf(e), p.instrument(), notional, p.realizedPnl(), fees,
                        Timestamp.from(p.openedAt() == null ? p.closedAt() : p.openedAt()),
                        Timestamp.from(p.closedAt()), e.seq())
                .update();
        touch(e);
    }

    private void day(EventEnvelope<?> e, DayClosed d) {
        jdbc.sql("""
                        INSERT INTO sample_day (assessment_id, phase, day, close_balance, close_equity, day_pnl,
                            min_equity, max_equity, trading_day, fills, seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (assessment_id, phase, day) DO NOTHING""")
                .params(e.assessmentId(), phaseOf(e), Date.valueOf(d.day()), d.closeBalance(), d.closeEquity(),
                        d.dayPnl(), d.minEquity(), d.maxEquity(), d.tradingDay(), d.fills(), e.seq())
                .update();
        touch(e);
    }

    /** The envelope's phase when core sent one, else the assessment's current phase (events arrive in seq order). */
    private int phaseOf(EventEnvelope<?> e) {
        if (e.phase() != null) {
            return e.phase();
        }
        return jdbc.sql("SELECT phase FROM assessment_sample WHERE assessment_id = ?").param(e.assessmentId())
                .query(Integer.class).optional().orElse(0);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
