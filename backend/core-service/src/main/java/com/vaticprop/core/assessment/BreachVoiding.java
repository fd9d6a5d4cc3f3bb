package com.vaticprop.core.assessment;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.engine.EngineIds;
import com.vaticprop.core.engine.LiveAssessments;
import com.vaticprop.core.mail.Mailer;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.AssessmentState;
import com.vaticprop.trading.assessment.EngineEvent;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.assessment.IllegalTransitionException;
import com.vaticprop.trading.instrument.InstrumentId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin voids a breach caused by a bad tick (after weighing its evidence: {@code GET …/evidence}). The engine
 * restores the trader's exact state from just before the breaching quote; the rows follow it in the same transaction,
 * the voiding is audited and announced ({@code assessment.reinstated}, which the trader's WebSocket delivers), and the
 * trader is told by e-mail once it has committed.
 *
 * <p>The reinstated account is then marked at the current market, like any engine that comes back to life: if the
 * market really is where the "bad" tick was, the rules fail it again, with a new violation — voiding cannot hide a
 * real loss.
 */
@Service
public class BreachVoiding {

    /** What the admin's view shows after the voiding. */
    public record Outcome(UUID assessmentId, UUID voidedViolationId, String restoredState, int voidedTrades,
                          int reopenedPositions, int workingOrders) {
    }

    private final LiveAssessments live;
    private final AdminAuditLog audit;
    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final Clock clock;

    BreachVoiding(LiveAssessments live, AdminAuditLog audit, JdbcClient jdbc, Mailer mailer, Clock clock) {
        this.live = live;
        this.audit = audit;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
    }

    public Outcome voidBreach(UUID assessmentId, UUID violationId, Caller admin, String reason) {
        String[] traderEmail = new String[1];
        Outcome outcome = live.execute(assessmentId, session -> {
            Map<String, Object> violation = jdbc.sql("""
                            SELECT rule, voided_at FROM violations WHERE id = ? AND assessment_id = ?""")
                    .params(violationId, assessmentId).query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                            "No such violation of this assessment."));
            if (violation.get("voided_at") != null) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "already-voided",
                        "This breach has already been voided.");
            }
            AssessmentEngine engine = session.engine();
            String failing = engine.lifecycle().violationId();
            if (engine.state() != AssessmentState.FAILED || failing == null
                    || !EngineIds.violation(assessmentId, failing).equals(violationId)) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "not-the-failing-breach",
                        "Only the breach that failed the assessment can be voided; the assessment is "
                                + engine.state() + ".");
            }
            Instant now = clock.instant();
            EngineResult result;
            try {
                result = session.apply(new EngineInput.Reinstate(failing, admin.userId().toString(), reason, now));
            } catch (IllegalStateException e) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "breach-not-voidable",
                        "This breach was not measured on a quote (a day roll, a timer or an admin failed the "
                                + "assessment), so there is no bad tick to void.");
            } catch (IllegalTransitionException | IllegalArgumentException e) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "not-the-failing-breach", e.getMessage());
            }
            EngineEvent.Reinstated back = result.events().stream()
                    .filter(EngineEvent.Reinstated.class::isInstance).map(EngineEvent.Reinstated.class::cast)
                    .findFirst().orElseThrow();
            jdbc.sql("UPDATE violations SET voided_by = ? WHERE id = ?").params(admin.userId(), violationId)
                    .update();
            for (InstrumentId instrument : LiveAssessments.heldOrWorking(engine)) {
                session.feedLatestQuote(instrument, now);
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", engine.state().name());
            after.put("voidedTrades", back.voidedTradeIds().size());
            after.put("reopenedPositions", back.positions().size());
            after.put("workingOrders", back.workingOrders().size());
            audit.record(admin.userId(), "assessment.void-breach", assessmentId.toString(),
                    Map.of("status", AssessmentState.FAILED.name(), "violationId", violationId.toString(),
                            "rule", violation.get("rule")), after, reason);
            traderEmail[0] = email(session.userId()).orElse(null);
            return new Outcome(assessmentId, violationId, back.restoredState().name(), back.voidedTradeIds().size(),
                    back.positions().size(), back.workingOrders().size());
        });
        if (traderEmail[0] != null) {
            mailer.send(traderEmail[0], "Your assessment has been reinstated",
                    "We reviewed the breach that failed your assessment " + assessmentId + " and found it was "
                            + "caused by a bad price tick. The breach is void and your assessment is "
                            + outcome.restoredState() + " again, with the positions, orders and balance you had "
                            + "just before that tick. Trades made on the bad tick and the closing of your positions "
                            + "no longer count.\n\nReason given: " + reason + "\n");
        }
        return outcome;
    }

    private Optional<String> email(UUID userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = ? AND deleted_at IS NULL").param(userId)
                .query(String.class).optional();
    }
}
