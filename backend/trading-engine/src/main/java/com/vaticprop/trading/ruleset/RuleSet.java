package com.vaticprop.trading.ruleset;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.instrument.InstrumentSelector;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tier's validated rule set (CONTRACTS.md "Rule set JSON"). Obtain one from {@link RuleSetValidator} when the input
 * comes from outside; the canonical constructor trusts its caller. Nullable components are the optional JSON fields.
 */
public record RuleSet(BigDecimal initialBalance, String currency, DayBoundary dayBoundary,
                      List<InstrumentSelector> instruments, BigDecimal profitSplitPct, List<Phase> phases,
                      TradingDayDefinition tradingDay, DailyLossLimit dailyLoss, MaxLossLimit maxLoss,
                      ConsistencyGate consistency, Integer inactivityDays, ExposureLimits exposure) {
    public RuleSet {
        Objects.requireNonNull(initialBalance, "initialBalance");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dayBoundary, "dayBoundary");
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(profitSplitPct, "profitSplitPct");
        phases = List.copyOf(phases);
        Objects.requireNonNull(tradingDay, "tradingDay");
        Objects.requireNonNull(maxLoss, "maxLoss");
        Objects.requireNonNull(exposure, "exposure");
    }

    public boolean allows(InstrumentId id) {
        return instruments.stream().anyMatch(s -> s.allows(id));
    }

    public Phase phase(int index) {
        return phases.get(index);
    }

    public Optional<DailyLossLimit> dailyLossLimit() {
        return Optional.ofNullable(dailyLoss);
    }

    public Optional<ConsistencyGate> consistencyGate() {
        return Optional.ofNullable(consistency);
    }

    public Optional<Integer> inactivityLimitDays() {
        return Optional.ofNullable(inactivityDays);
    }
}
