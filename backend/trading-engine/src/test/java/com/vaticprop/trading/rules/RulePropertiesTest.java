package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.DayAnchor;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.LossAllowance;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.MaxLossMode;
import com.vaticprop.trading.ruleset.RuleSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The loss rules against an independent restatement of CONTRACTS.md, on random snapshots. */
class RulePropertiesTest {
    private static final BigDecimal INITIAL = new BigDecimal("100000");
    private static final LocalDate START = LocalDate.parse("2026-05-01");
    private static final Instant AT = Instant.parse("2026-05-03T12:00:00Z");

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.bigDecimals().between(new BigDecimal("80000"), new BigDecimal("120000")).ofScale(2);
    }

    private static AccountSnapshot snapshot(BigDecimal balance, BigDecimal equity, BigDecimal openBalance,
                                            BigDecimal openEquity, BigDecimal peak, BigDecimal highClose) {
        return new AccountSnapshot(INITIAL, balance, balance, equity, equity.subtract(balance), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 1, START, LocalDate.parse("2026-05-03"), openBalance, openEquity,
                equity, equity, INITIAL.max(peak).max(equity), INITIAL.max(highClose), 1, true, BigDecimal.ZERO,
                START, BigDecimal.ZERO);
    }

    private static RuleContext ctx(AccountSnapshot s) {
        RuleSet rs = Tiers.cryptoTwoStep100k();
        return RuleContext.at(rs, rs.phase(0), s, EvaluationPoint.QUOTE, AT);
    }

    @Property
    void dailyLossBreachesExactlyWhenTheMeasuredValueTouchesAnchorMinusAllowance(
            @ForAll("money") BigDecimal balance, @ForAll("money") BigDecimal equity,
            @ForAll("money") BigDecimal openBalance, @ForAll("money") BigDecimal openEquity,
            @ForAll DayAnchor anchor, @ForAll LimitBasis basis, @ForAll boolean includeOpenPnl) {
        DailyLossLimit limit = new DailyLossLimit(new LossAllowance.Percent(new BigDecimal("5")), basis, anchor,
                includeOpenPnl, DailyEvaluation.INTRADAY);
        AccountSnapshot s = snapshot(balance, equity, openBalance, openEquity, INITIAL, INITIAL);
        RuleCheck c = new DailyLossRule(limit).evaluate(ctx(s));

        BigDecimal a = switch (anchor) {
            case PRIOR_DAY_BALANCE -> openBalance;
            case PRIOR_DAY_EQUITY -> openEquity;
            case MAX_OF_BOTH -> openBalance.max(openEquity);
        };
        BigDecimal allowance = (basis == LimitBasis.INITIAL_BALANCE ? INITIAL : a).multiply(new BigDecimal("0.05"));
        BigDecimal floor = a.subtract(allowance);
        BigDecimal measured = includeOpenPnl ? equity : balance;
        assertThat(c.threshold()).isEqualByComparingTo(floor);
        assertThat(c.breached()).isEqualTo(measured.compareTo(floor) <= 0);
        assertThat(c.distance()).isEqualByComparingTo(measured.subtract(floor));
    }

    @Property
    void maxLossFloorFollowsItsModeAndLock(@ForAll("money") BigDecimal equity, @ForAll("money") BigDecimal peak,
                                           @ForAll("money") BigDecimal highClose, @ForAll MaxLossMode mode,
                                           @ForAll boolean lock) {
        boolean lockAtInitial = lock && mode != MaxLossMode.STATIC;
        MaxLossLimit limit = new MaxLossLimit(new LossAllowance.Amount(new BigDecimal("6000")), mode, lockAtInitial,
                new BigDecimal("250"));
        AccountSnapshot s = snapshot(equity, equity, INITIAL, INITIAL, peak, highClose);
        RuleCheck c = new MaxLossRule(limit).evaluate(ctx(s));

        BigDecimal high = switch (mode) {
            case STATIC -> INITIAL;
            case TRAILING_EOD_BALANCE -> INITIAL.max(highClose);
            case TRAILING_INTRADAY_EQUITY -> INITIAL.max(peak).max(equity);
        };
        BigDecimal floor = high.subtract(new BigDecimal("6000"));
        if (lockAtInitial) {
            floor = floor.min(new BigDecimal("100250"));
        }
        assertThat(c.threshold()).isEqualByComparingTo(floor);
        assertThat(c.breached()).isEqualTo(equity.compareTo(floor) <= 0);
    }

    @Property
    void theReasonIsAlwaysTheHighestBreachedFloor(@ForAll("money") BigDecimal equity,
                                                  @ForAll("money") BigDecimal openBalance,
                                                  @ForAll("money") BigDecimal peak) {
        AccountSnapshot s = snapshot(equity, equity, openBalance, openBalance, peak, INITIAL);
        var rules = java.util.List.<Rule>of(
                new DailyLossRule(new DailyLossLimit(new LossAllowance.Percent(new BigDecimal("5")),
                        LimitBasis.INITIAL_BALANCE, DayAnchor.PRIOR_DAY_BALANCE, true, DailyEvaluation.INTRADAY)),
                new MaxLossRule(new MaxLossLimit(new LossAllowance.Percent(new BigDecimal("8")),
                        MaxLossMode.TRAILING_INTRADAY_EQUITY, false, BigDecimal.ZERO)));
        Evaluation e = RuleEngine.evaluate(rules, ctx(s));
        var breached = e.checks().stream().filter(RuleCheck::breached).toList();
        if (breached.isEmpty()) {
            assertThat(e.failure()).isEmpty();
        } else {
            BigDecimal highest = breached.stream().map(RuleCheck::threshold).max(BigDecimal::compareTo).orElseThrow();
            assertThat(e.failure()).hasValueSatisfying(f -> assertThat(f.threshold()).isEqualByComparingTo(highest));
            assertThat(e.passReady()).isFalse();
        }
    }
}
