package com.vaticprop.core.support;

import com.vaticprop.trading.ruleset.FieldError;

import java.util.List;

/**
 * A request with invalid fields, found by application code rather than by bean validation (e.g. a rule set checked by
 * the trading engine): answered as the platform's {@code validation} problem, {@code "errors":[{field, message}]}.
 */
public class FieldErrorsException extends RuntimeException {

    private final List<FieldError> errors;

    public FieldErrorsException(List<FieldError> errors) {
        super("The request has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
