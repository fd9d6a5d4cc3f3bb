package com.vaticprop.trading.assessment;

/** A lifecycle command that the current state does not allow (the caller's bug or a stale request). */
public final class IllegalTransitionException extends RuntimeException {
    private final AssessmentState from;
    private final String command;

    public IllegalTransitionException(AssessmentState from, String command) {
        super("cannot " + command + " an assessment that is " + from);
        this.from = from;
        this.command = command;
    }

    public AssessmentState from() {
        return from;
    }

    public String command() {
        return command;
    }
}
