/**
 * Fast paths for hot loops that must give exactly the verdicts of the straightforward BigDecimal path
 * ({@code account.Account} + {@code rules.RuleEngine}); property tests prove the equality on random inputs.
 *
 * <p>{@link com.vaticprop.trading.monitor.QuoteMonitor}: one instrument's quote re-marks and checks every registered
 * account holding it, with fixed-point arrays (money in units of 10<sup>-8</sup>, the booking scale) and no allocation
 * per account.
 */
package com.vaticprop.trading.monitor;
