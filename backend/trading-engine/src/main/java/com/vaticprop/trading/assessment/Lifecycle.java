package com.vaticprop.trading.assessment;

import java.util.Objects;

/**
 * The assessment state machine, and nothing else: which transitions are legal. Immutable; each transition returns
 * the next lifecycle or throws {@link IllegalTransitionException}.
 *
 * <ul>
 *   <li>start: CREATED → ACTIVE; pause: ACTIVE → PAUSED; resume: PAUSED → ACTIVE;
 *   <li>pass: ACTIVE → PASSED (only trading while active can meet a target);
 *   <li>fail: ACTIVE or PAUSED → FAILED with a reason (a paused assessment still runs out of time, and an admin can
 *       fail either);
 *   <li>abandon: CREATED, ACTIVE or PAUSED → ABANDONED (trader, refund or admin);
 *   <li>reinstate: FAILED → ACTIVE, only by an admin voiding the violation that failed it.
 * </ul>
 *
 * @param failureReason set while FAILED
 * @param violationId   the violation that failed it, if a rule did
 */
public record Lifecycle(AssessmentState state, FailureReason failureReason, String violationId,
                        AbandonReason abandonReason) {
    public Lifecycle {
        Objects.requireNonNull(state, "state");
    }

    public static Lifecycle created() {
        return new Lifecycle(AssessmentState.CREATED, null, null, null);
    }

    public Lifecycle start() {
        require(state == AssessmentState.CREATED, "start");
        return to(AssessmentState.ACTIVE);
    }

    public Lifecycle pause() {
        require(state == AssessmentState.ACTIVE, "pause");
        return to(AssessmentState.PAUSED);
    }

    public Lifecycle resume() {
        require(state == AssessmentState.PAUSED, "resume");
        return to(AssessmentState.ACTIVE);
    }

    public Lifecycle pass() {
        require(state == AssessmentState.ACTIVE, "pass");
        return to(AssessmentState.PASSED);
    }

    public Lifecycle fail(FailureReason reason, String violation) {
        Objects.requireNonNull(reason, "reason");
        require(state == AssessmentState.ACTIVE || state == AssessmentState.PAUSED, "fail");
        return new Lifecycle(AssessmentState.FAILED, reason, violation, null);
    }

    public Lifecycle abandon(AbandonReason reason) {
        Objects.requireNonNull(reason, "reason");
        require(state == AssessmentState.CREATED || state == AssessmentState.ACTIVE
                || state == AssessmentState.PAUSED, "abandon");
        return new Lifecycle(AssessmentState.ABANDONED, null, null, reason);
    }

    /** Admin only: the violation being voided must be the one that failed the assessment. */
    public Lifecycle reinstate(String voidedViolationId) {
        return reinstate(voidedViolationId, AssessmentState.ACTIVE);
    }

    /** As {@link #reinstate(String)}, back to the state the breach interrupted (ACTIVE, or PAUSED: quotes judge both). */
    public Lifecycle reinstate(String voidedViolationId, AssessmentState restored) {
        require(state == AssessmentState.FAILED, "reinstate");
        if (violationId == null || !violationId.equals(voidedViolationId)) {
            throw new IllegalArgumentException("reinstatement must void the failing violation " + violationId
                    + ", not " + voidedViolationId);
        }
        if (restored != AssessmentState.ACTIVE && restored != AssessmentState.PAUSED) {
            throw new IllegalArgumentException("a reinstated assessment is ACTIVE or PAUSED, not " + restored);
        }
        return to(restored);
    }

    private Lifecycle to(AssessmentState next) {
        return new Lifecycle(next, null, null, null);
    }

    private void require(boolean allowed, String command) {
        if (!allowed) {
            throw new IllegalTransitionException(state, command);
        }
    }
}
