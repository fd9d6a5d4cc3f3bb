package com.vaticprop.trading.ruleset;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Configuration of the overall loss floor; the allowance is a percentage of the initial balance or a fixed amount.
 *
 * @param lockAtInitial when set, a trailing floor never rises above {@code initial + lockOffset}
 */
public record MaxLossLimit(LossAllowance allowance, MaxLossMode mode, boolean lockAtInitial, BigDecimal lockOffset) {
    public MaxLossLimit {
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(lockOffset, "lockOffset");
    }
}
