package com.vaticprop.trading.ruleset;

import java.util.List;

/** Outcome of validating a {@link RuleSetDocument}: a usable rule set, or every field error at once. */
public sealed interface RuleSetValidation {
    record Valid(RuleSet ruleSet) implements RuleSetValidation {
    }

    record Invalid(List<FieldError> errors) implements RuleSetValidation {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    default List<FieldError> errors() {
        return this instanceof Invalid i ? i.errors() : List.of();
    }

    /** The rule set, or an exception listing every error (for callers that already know the input is valid). */
    default RuleSet orThrow() {
        if (this instanceof Valid v) {
            return v.ruleSet();
        }
        throw new IllegalArgumentException("invalid rule set: " + errors());
    }
}
