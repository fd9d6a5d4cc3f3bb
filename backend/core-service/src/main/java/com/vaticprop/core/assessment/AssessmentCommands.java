package com.vaticprop.core.assessment;

import com.vaticprop.core.engine.LiveAssessments;
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
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxActivePerUser;

    AssessmentCommands(LiveAssessments live, JdbcClient jdbc, Clock clock,
                       org.springframework.core.env.Environment env) {
        this.live = live;
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

    public void forceFail(UUID id, Caller admin, String reason) {
        run(id, admin, at -> new EngineInput.AdminFail(reason, at));
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
