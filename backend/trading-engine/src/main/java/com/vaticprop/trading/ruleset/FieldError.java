package com.vaticprop.trading.ruleset;

/**
 * One problem with one field, addressed the way an admin form or API client can highlight it
 * (e.g. {@code phases[0].profitTargetPct}).
 */
public record FieldError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
