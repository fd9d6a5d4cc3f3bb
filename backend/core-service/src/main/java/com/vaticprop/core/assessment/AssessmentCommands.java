package com.vaticprop.core.assessment;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.engine.LiveAssessments;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.assessment.AbandonReason;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.assessment.IllegalTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The owner's lifecycle commands (start, pause, resume, abandon) and an admin's force-fail. Each runs through the
 * engine ({@link LiveAssessments#execute}), which checks the transition and writes the state and its event; a
 * transition the current state does not allow is a 409 that changes nothing. Someone else's assessment is a 404.
 */
@Service
public class AssessmentCommands {

    private final LiveAssessments live;
    private final AdminAuditLog audit;
    private final Transactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxActivePerUser;

    AssessmentCommands(LiveAssessments live, AdminAuditLog audit, Transactions transactions, JdbcClient jdbc,
                       Clock clock, org.springframework.core.env.Environment env) {
        this.live = live;
        this.audit = audit;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxActivePerUser = env.getProperty("vatic.assessments.max-active-per-user", Integer.class, 5);
    }

    public void start(UUID id, Caller caller) {
        run(id, caller, at -> {
            long active = jdbc.sql("SELECT count(*) FROM assessments WHERE user_id = (SELECT user_id FROM "
                            + "assessments WHERE id = ?) AND status IN ('ACTIVE', 'PAUSED')")
                    .param(id).query(Long.class).single();
            if (active >= maxActivePerUser) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "too-many-active-assessments",
                        "At most " + maxActivePerUser + " assessments may be active at once; finish or abandon one.");
            }
            return new EngineInput.Start(at);
        });
    }

    public void pause(UUID id, Caller caller) {
        run(id, caller, EngineInput.Pause::new);
    }

    public void resume(UUID id, Caller caller) {
        run(id, caller, EngineInput.Resume::new);
    }

    public void abandon(UUID id, Caller caller) {
        run(id, caller, at -> new EngineInput.Abandon(caller.admin() && !isOwner(id, caller)
                ? AbandonReason.ADMIN : AbandonReason.TRADER, at));
    }

    /** An admin fails the assessment now (reason ADMIN), audited in the same transaction. */
    public void forceFail(UUID id, Caller admin, String reason) {
        live.execute(id, session -> {
            String before = session.engine().state().name();
            try {
                session.apply(new EngineInput.AdminFail(reason, clock.instant()));
            } catch (IllegalTransitionException e) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "illegal-transition",
                        "Cannot fail an assessment that is " + e.from() + ".");
            }
            audit.record(admin.userId(), "assessment.force-fail", id.toString(), Map.of("status", before),
                    Map.of("status", session.engine().state().name()), reason);
            return null;
        });
    }

    /**
     * An admin extends the current phase's maximum duration by {@code days}: the pinned rule set is rewritten and the
     * engine version raised, so every replica restores the engine with the new limit. Audited.
     */
    public void extend(UUID id, Caller admin, int days, String reason) {
        transactions.run(() -> {
            Map<String, Object> row = jdbc.sql("""
                            SELECT status, phase_index, CAST(rule_set AS TEXT) AS rule_set FROM assessments
                            WHERE id = ? FOR UPDATE""").param(id).query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                            "No such assessment."));
            if (AssessmentStatus.valueOf((String) row.get("status")).isFinal()) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "assessment-ended",
                        "The assessment has ended; its duration can no longer change.");
            }
            int phase = (Integer) row.get("phase_index");
            tools.jackson.databind.node.ObjectNode ruleSet = (tools.jackson.databind.node.ObjectNode)
                    com.vaticprop.platform.json.VaticJson.mapper().readTree((String) row.get("rule_set"));
            tools.jackson.databind.node.ObjectNode phaseNode =
                    (tools.jackson.databind.node.ObjectNode) ruleSet.get("phases").get(phase);
            tools.jackson.databind.JsonNode current = phaseNode.get("maxDurationDays");
            if (current == null || current.isNull()) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "no-duration-limit",
                        "This phase has no maximum duration to extend.");
            }
            int before = current.asInt();
            phaseNode.put("maxDurationDays", before + days);
            if (!com.vaticprop.platform.ruleset.RuleSetJson.read(ruleSet).isValid()) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "invalid-extension",
                        "The extended rule set would not be valid.");
            }
            jdbc.sql("""
                            UPDATE assessments SET rule_set = CAST(? AS JSONB), engine_version = engine_version + 1,
                                   updated_at = ?, version = version + 1 WHERE id = ?""")
                    .params(ruleSet.toString(), com.vaticprop.core.support.Sql.ts(clock.instant()), id).update();
            audit.record(admin.userId(), "assessment.extend", id.toString(),
                    Map.of("phase", phase, "maxDurationDays", before),
                    Map.of("phase", phase, "maxDurationDays", before + days), reason);
        });
    }

    private void run(UUID id, Caller caller, Function<Instant, EngineInput> input) {
        live.execute(id, session -> {
            if (!caller.mayAccess(session.userId())) {
                throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such assessment.");
            }
            try {
                return session.apply(input.apply(clock.instant()));
            } catch (IllegalTransitionException e) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "illegal-transition",
                        "Cannot " + e.command() + " an assessment that is " + e.from() + ".");
            }
        });
    }

    private boolean isOwner(UUID id, Caller caller) {
        return jdbc.sql("SELECT count(*) FROM assessments WHERE id = ? AND user_id = ?").params(id, caller.userId())
                .query(Long.class).single() > 0;
    }
}
