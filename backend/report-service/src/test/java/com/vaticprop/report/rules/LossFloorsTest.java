package com.vaticprop.report.rules;

import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.trading.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The floors as they moved, against hand-computed values, for the trailing and locked variants. */
class LossFloorsTest {

    static RuleSet rules(String dailyLoss, String maxLoss) {
        return RuleSetJson.read("""
                {"initialBalance":"100000","currency":"USD","dayBoundary":{"zone":"UTC","time":"00:00"},
                 "instruments":["BTC-USD"],"profitSplitPct":"80",
                 "phases":[{"name":"Challenge","profitTargetPct":"20","minTradingDays":1}],
                 "tradingDay":{"minTradeNotionalPctOfInitial":"0"},
                 "dailyLoss":%s, "maxLoss":%s, "exposure":{"maxLeverage":"2","fillDelayMs":0}}"""
                .formatted(dailyLoss, maxLoss)).orThrow();
    }

    static List<LossFloors.Close> closes(long... balances) {
        return java.util.stream.IntStream.range(0, balances.length).mapToObj(i -> new LossFloors.Close(
                LocalDate.parse("2026-10-01").plusDays(i), BigDecimal.valueOf(balances[i]),
                BigDecimal.valueOf(balances[i] - 500), BigDecimal.valueOf(balances[i] + 1000))).toList();
    }

    @Test
    void trailingEndOfDayBalanceFloorRisesAtDayClosesUntilLockedAtTheInitialBalance() {
        RuleSet r = rules("""
                {"pct":"5","limitBasis":"DAY_ANCHOR","anchor":"PRIOR_DAY_EQUITY","includeOpenPnl":true,
                 "evaluation":"INTRADAY"}""",
                """
                {"pct":"10","mode":"TRAILING_EOD_BALANCE","lockAtInitial":true,"lockOffset":"0"}""");
        List<LossFloors.Day> f = LossFloors.of(r, new BigDecimal("100000"), closes(104000, 112000, 111000));

        // max loss: day 1 max(100000, none) − 10000; day 2 104000 − 10000; day 3 112000 − 10000 = 102000, locked
        // at the initial balance 100000
        assertThat(f).extracting(LossFloors.Day::maxLossFloor).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("90000"), new BigDecimal("94000"), new BigDecimal("100000"));
        // daily loss on the prior day's close equity (close − 500), 5 % of that anchor:
        // day 1 100000 − 5000; day 2 103500 − 5175; day 3 111500 − 5575
        assertThat(f).extracting(LossFloors.Day::dailyLossFloor).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("95000"), new BigDecimal("98325"), new BigDecimal("105925"));
    }

    @Test
    void trailingIntradayEquityFloorFollowsTheDaysPeakAndAFixedDailyAmountUsesTheMaxOfBoth() {
        RuleSet r = rules("""
                {"amount":"3000","limitBasis":"INITIAL_BALANCE","anchor":"MAX_OF_BOTH","includeOpenPnl":true,
                 "evaluation":"END_OF_DAY"}""",
                """
                {"amount":"8000","mode":"TRAILING_INTRADAY_EQUITY","lockAtInitial":false,"lockOffset":"0"}""");
        List<LossFloors.Day> f = LossFloors.of(r, new BigDecimal("100000"), closes(101000, 99000));

        // peak equity: day 1 max 102000, day 2 max(102000, 100000) → floors 94000, 94000
        assertThat(f).extracting(LossFloors.Day::maxLossFloor).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("94000"), new BigDecimal("94000"));
        // day 1 anchor 100000; day 2 max(balance 101000, equity 100500) = 101000; minus 3000
        assertThat(f).extracting(LossFloors.Day::dailyLossFloor).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("97000"), new BigDecimal("98000"));
    }

    @Test
    void aTierWithoutADailyLimitHasNoDailyFloor() {
        RuleSet r = rules("null", """
                {"pct":"10","mode":"STATIC","lockAtInitial":false,"lockOffset":"0"}""");
        assertThat(LossFloors.of(r, new BigDecimal("100000"), closes(99000)).getFirst().dailyLossFloor()).isNull();
    }
}
