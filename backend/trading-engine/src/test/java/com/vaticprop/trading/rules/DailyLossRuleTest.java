package com.vaticprop.trading.rules;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.DayAnchor;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.LossAllowance;
import com.vaticprop.trading.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static com.vaticprop.trading.rules.RuleBench.check;
import static org.assertj.core.api.Assertions.assertThat;

class DailyLossRuleTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    private static RuleSet withDaily(RuleSet rs, DailyLossLimit daily) {
        return new RuleSet(rs.initialBalance(), rs.currency(), rs.dayBoundary(), rs.instruments(),
                rs.profitSplitPct(), rs.phases(), rs.tradingDay(), daily, rs.maxLoss(), rs.consistency(),
                rs.inactivityDays(), rs.exposure());
    }

    /**
     * Crypto Two-Step: 5% of the 100000 initial, anchored on the prior day's balance at 00:00 Europe/Prague.
     * Prague moves to summer time on Sunday 29 March 2026, so that day ends at 22:00 UTC (not 23:00, not 24:00).
     * 27 Mar: +1250 realized → close balance 101250. 29 Mar: −3000 realized → balance 98250, then a long is opened.
     */
    private RuleBench pragueAcrossDst() {
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-03-27T08:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-27T08:00:00Z"));
        b.trade("BTC-USD", Side.SELL, "1", "61250", t("2026-03-27T09:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-29T10:00:00Z"));
        b.trade("BTC-USD", Side.SELL, "1", "57000", t("2026-03-29T11:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "57000", t("2026-03-29T21:00:00Z"));
        return b;
    }

    @Test
    void dipBeforePragueMidnightIsMeasuredAgainstTheDstDaysAnchor() {
        RuleBench b = pragueAcrossDst();
        // 21:59:30Z is 23:59:30 CEST, still 29 March: anchor = 28 March close balance 101250, floor 96250
        Evaluation e = b.quote("BTC-USD", "53750", "53760", t("2026-03-29T21:59:30Z"));
        RuleCheck daily = check(e, RuleName.DAILY_LOSS);
        assertThat(daily.anchor()).startsWith("PRIOR_DAY_BALANCE 101250");
        assertThat(daily.threshold()).isEqualByComparingTo("96250");
        assertThat(daily.measured()).isEqualByComparingTo("95000");
        assertThat(daily.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(daily.zone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(daily.inputs()).containsEntry("day", "2026-03-29");
        assertThat(e.failure()).contains(daily);
    }

    @Test
    void theSameDipAfterPragueMidnightBelongsToTheNextDay() {
        RuleBench b = pragueAcrossDst();
        // 22:00:01Z is 00:00:01 CEST on 30 March: anchor = 29 March close balance 98250, floor 93250
        Evaluation e = b.quote("BTC-USD", "53750", "53760", t("2026-03-29T22:00:01Z"));
        RuleCheck daily = check(e, RuleName.DAILY_LOSS);
        assertThat(daily.inputs()).containsEntry("day", "2026-03-30");
        assertThat(daily.threshold()).isEqualByComparingTo("93250");
        assertThat(daily.verdict()).isEqualTo(Verdict.OK);
        assertThat(daily.distance()).isEqualByComparingTo("1750");
        assertThat(daily.distancePct()).isEqualByComparingTo("35");
        // the day roll happened exactly at 22:00Z and closed 29 March with balance 98250
        assertThat(b.account.closedDays()).last().satisfies(d -> {
            assertThat(d.day()).hasToString("2026-03-29");
            assertThat(d.closeBalance()).isEqualByComparingTo("98250");
        });
        assertThat(b.lastRoll().checks().get(0).at()).isEqualTo(t("2026-03-29T22:00:00Z"));
    }

    @Test
    void touchingTheFloorBreachesOneCentAboveDoesNot() {
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-03-02T08:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-02T08:00:00Z"));
        assertThat(check(b.quote("BTC-USD", "55000.01", "55001", t("2026-03-02T09:00:00Z")), RuleName.DAILY_LOSS)
                .verdict()).isEqualTo(Verdict.OK);
        RuleCheck touch = check(b.quote("BTC-USD", "55000.00", "55001", t("2026-03-02T09:00:01Z")),
                RuleName.DAILY_LOSS);
        assertThat(touch.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(touch.distance()).isEqualByComparingTo("0");
        assertThat(touch.anchor()).startsWith("INITIAL_BALANCE (day 1)");
    }

    @Test
    void endOfDayEvaluationIgnoresARecoveredDip() {
        RuleSet eod = withDaily(Tiers.cryptoTwoStep100k(), new DailyLossLimit(new LossAllowance.Percent(
                new BigDecimal("5")), LimitBasis.INITIAL_BALANCE, DayAnchor.PRIOR_DAY_BALANCE, true,
                DailyEvaluation.END_OF_DAY));
        RuleBench b = new RuleBench(eod, t("2026-03-02T08:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-02T08:00:00Z"));
        Evaluation dip = b.quote("BTC-USD", "54000", "54010", t("2026-03-02T12:00:00Z"));
        RuleCheck during = check(dip, RuleName.DAILY_LOSS);
        assertThat(during.measured()).isEqualByComparingTo("94000");
        assertThat(during.verdict()).isEqualTo(Verdict.OK);
        assertThat(during.explanation()).contains("only the day close counts");
        assertThat(dip.failure()).isEmpty();
        b.quote("BTC-USD", "59000", "59010", t("2026-03-02T20:00:00Z"));
        b.advance(t("2026-03-03T00:00:00Z"));
        RuleCheck close = check(b.lastRoll(), RuleName.DAILY_LOSS);
        assertThat(close.point()).isEqualTo(EvaluationPoint.DAY_ROLL);
        assertThat(close.measured()).isEqualByComparingTo("99000");
        assertThat(close.verdict()).isEqualTo(Verdict.OK);

        // the same dip under INTRADAY evaluation fails on the spot
        RuleBench intraday = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-03-02T08:00:00Z"));
        intraday.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-02T08:00:00Z"));
        assertThat(intraday.quote("BTC-USD", "54000", "54010", t("2026-03-02T12:00:00Z")).failure())
                .hasValueSatisfying(c -> assertThat(c.rule()).isEqualTo(RuleName.DAILY_LOSS));
    }

    @Test
    void endOfDayEvaluationBreachesWhenTheCloseIsOnTheFloor() {
        RuleSet eod = withDaily(Tiers.cryptoTwoStep100k(), new DailyLossLimit(new LossAllowance.Percent(
                new BigDecimal("5")), LimitBasis.INITIAL_BALANCE, DayAnchor.PRIOR_DAY_BALANCE, true,
                DailyEvaluation.END_OF_DAY));
        RuleBench b = new RuleBench(eod, t("2026-03-02T08:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-02T08:00:00Z"));
        b.quote("BTC-USD", "55000", "55010", t("2026-03-02T22:00:00Z"));
        b.advance(t("2026-03-03T00:00:00Z")); // 01:00 in Prague, after the 00:00 CET close
        RuleCheck close = check(b.lastRoll(), RuleName.DAILY_LOSS);
        assertThat(close.at()).isEqualTo(t("2026-03-02T23:00:00Z"));
        assertThat(close.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(b.lastRoll().failure()).contains(close);
    }

    @Test
    void balanceBasedRuleIgnoresOpenLossUntilItIsRealized() {
        RuleSet balanceOnly = withDaily(Tiers.cryptoTwoStep100k(), new DailyLossLimit(new LossAllowance.Amount(
                new BigDecimal("2000")), LimitBasis.INITIAL_BALANCE, DayAnchor.PRIOR_DAY_BALANCE, false,
                DailyEvaluation.INTRADAY));
        RuleBench b = new RuleBench(balanceOnly, t("2026-03-02T08:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-03-02T08:00:00Z"));
        RuleCheck open = check(b.quote("BTC-USD", "57000", "57010", t("2026-03-02T09:00:00Z")),
                RuleName.DAILY_LOSS);
        assertThat(open.measured()).isEqualByComparingTo("100000");
        assertThat(open.verdict()).isEqualTo(Verdict.OK);
        RuleCheck realized = check(b.trade("BTC-USD", Side.SELL, "1", "57000", t("2026-03-02T09:01:00Z")),
                RuleName.DAILY_LOSS);
        assertThat(realized.measured()).isEqualByComparingTo("97000");
        assertThat(realized.threshold()).isEqualByComparingTo("98000");
        assertThat(realized.verdict()).isEqualTo(Verdict.BREACH);
    }

    @Test
    void anchorVariantsAndDayAnchorBasis() {
        // day 1: realize +1000 and carry a long whose open profit is +2000 at the close
        List<DayAnchor> anchors = List.of(DayAnchor.PRIOR_DAY_BALANCE, DayAnchor.PRIOR_DAY_EQUITY,
                DayAnchor.MAX_OF_BOTH);
        List<String> expectedAnchor = List.of("101000", "103000", "103000");
        for (int i = 0; i < anchors.size(); i++) {
            RuleSet rs = withDaily(Tiers.cryptoOneStep50kTrailing(), new DailyLossLimit(new LossAllowance.Percent(
                    new BigDecimal("4")), LimitBasis.DAY_ANCHOR, anchors.get(i), true, DailyEvaluation.INTRADAY));
            rs = new RuleSet(new BigDecimal("100000"), rs.currency(), rs.dayBoundary(), rs.instruments(),
                    rs.profitSplitPct(), rs.phases(), rs.tradingDay(), rs.dailyLoss(), rs.maxLoss(),
                    rs.consistency(), rs.inactivityDays(), rs.exposure());
            RuleBench b = new RuleBench(rs, t("2026-06-01T08:00:00Z"));
            b.trade("ETH-USD", Side.BUY, "10", "3000", t("2026-06-01T08:00:00Z"));
            b.trade("ETH-USD", Side.SELL, "10", "3100", t("2026-06-01T09:00:00Z"));
            b.trade("SOL-USD", Side.BUY, "100", "150", t("2026-06-01T10:00:00Z"));
            b.quote("SOL-USD", "170", "170.5", t("2026-06-01T23:00:00Z"));
            RuleCheck c = check(b.evaluate(EvaluationPoint.TIMER, t("2026-06-02T00:00:01Z")), RuleName.DAILY_LOSS);
            BigDecimal anchor = new BigDecimal(expectedAnchor.get(i));
            assertThat(c.inputs().get("anchorValue")).as(anchors.get(i).name()).isEqualTo(expectedAnchor.get(i));
            // 4% of the anchor itself (DAY_ANCHOR basis)
            BigDecimal allowance = anchor.multiply(new BigDecimal("0.04"));
            assertThat(c.threshold()).as(anchors.get(i).name()).isEqualByComparingTo(anchor.subtract(allowance));
        }
    }
}
