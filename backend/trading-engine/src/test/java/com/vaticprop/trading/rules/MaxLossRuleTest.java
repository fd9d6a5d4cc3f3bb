package com.vaticprop.trading.rules;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.ruleset.LossAllowance;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.MaxLossMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static com.vaticprop.trading.rules.RuleBench.check;
import static org.assertj.core.api.Assertions.assertThat;

class MaxLossRuleTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    /**
     * Crypto One-Step 50K: fixed 3000 trailing on the end-of-day balance, locking at initial + 100.
     * Closes: 52000 → floor 49000; 53500 → would be 50500, locks at 50100; 56000 → stays 50100.
     */
    @Test
    void trailingEndOfDayBalanceLocksAtInitialPlusOffset() {
        RuleBench b = new RuleBench(Tiers.cryptoOneStep50kTrailing(), t("2026-05-04T09:00:00Z"));
        b.trade("ETH-USD", Side.BUY, "10", "3000", t("2026-05-04T09:00:00Z"));
        b.trade("ETH-USD", Side.SELL, "10", "3200", t("2026-05-04T10:00:00Z")); // +2000
        RuleCheck day1 = check(b.evaluate(EvaluationPoint.TIMER, t("2026-05-04T23:00:00Z")), RuleName.MAX_LOSS);
        assertThat(day1.threshold()).as("not raised intraday").isEqualByComparingTo("47000");
        b.advance(t("2026-05-05T00:00:00Z"));
        assertThat(check(b.lastRoll(), RuleName.MAX_LOSS).threshold()).isEqualByComparingTo("49000");

        b.trade("ETH-USD", Side.BUY, "10", "3000", t("2026-05-05T09:00:00Z"));
        b.trade("ETH-USD", Side.SELL, "10", "3150", t("2026-05-05T10:00:00Z")); // +1500 → 53500
        b.advance(t("2026-05-06T00:00:00Z"));
        RuleCheck locked = check(b.lastRoll(), RuleName.MAX_LOSS);
        assertThat(locked.threshold()).isEqualByComparingTo("50100");
        assertThat(locked.anchor()).contains("locked at initial + 100");
        assertThat(locked.inputs()).containsEntry("highestCloseBalance", "53500");

        b.trade("ETH-USD", Side.BUY, "10", "3000", t("2026-05-06T09:00:00Z"));
        b.trade("ETH-USD", Side.SELL, "10", "3250", t("2026-05-06T10:00:00Z")); // +2500 → 56000
        b.advance(t("2026-05-07T00:00:00Z"));
        assertThat(check(b.lastRoll(), RuleName.MAX_LOSS).threshold()).isEqualByComparingTo("50100");

        // open profit does not raise a balance-trailing floor, and equity touching 50100 breaches
        b.trade("BTC-USD", Side.BUY, "0.1", "60000", t("2026-05-07T09:00:00Z"));
        RuleCheck up = check(b.quote("BTC-USD", "90000", "90001", t("2026-05-07T10:00:00Z")), RuleName.MAX_LOSS);
        assertThat(up.threshold()).isEqualByComparingTo("50100");
        RuleCheck above = check(b.quote("BTC-USD", "1000.10", "1000.20", t("2026-05-07T11:00:00Z")),
                RuleName.MAX_LOSS);
        assertThat(above.measured()).isEqualByComparingTo("50100.01");
        assertThat(above.verdict()).isEqualTo(Verdict.OK);
        assertThat(above.distance()).isEqualByComparingTo("0.01");
        RuleCheck touch = check(b.quote("BTC-USD", "1000.00", "1000.20", t("2026-05-07T11:00:01Z")),
                RuleName.MAX_LOSS);
        assertThat(touch.measured()).isEqualByComparingTo("50100");
        assertThat(touch.verdict()).isEqualTo(Verdict.BREACH);
    }

    /**
     * Prediction Markets 25K: 20% (5000) trailing the intraday equity peak. An open position runs to +4000 and gives
     * it all back plus 1000: the trailing floor (29000 − 5000 = 24000) is touched, while a static floor (20000) and a
     * balance-trailing floor (nothing realized) forgive the same path.
     */
    @Test
    void intradayTrailingIsKilledByAnOpenProfitGiveBackThatStaticForgives() {
        RuleBench b = new RuleBench(Tiers.predictionMarkets25k(), t("2026-05-04T09:00:00Z"));
        b.trade("POLY:42", Side.BUY, "10000", "0.40", t("2026-05-04T09:00:00Z"));
        RuleCheck peak = check(b.quote("POLY:42", "0.80", "0.81", t("2026-05-04T10:00:00Z")), RuleName.MAX_LOSS);
        assertThat(peak.measured()).isEqualByComparingTo("29000");
        assertThat(peak.threshold()).isEqualByComparingTo("24000");
        assertThat(peak.anchor()).startsWith("PEAK_EQUITY 29000");

        // give-back to 24000 equity happens on the next day so the 8% daily floor is not what fails
        b.quote("POLY:42", "0.50", "0.51", t("2026-05-04T12:00:00Z"));
        Evaluation giveBack = b.quote("POLY:42", "0.30", "0.31", t("2026-05-05T12:00:00Z"));
        RuleCheck trailing = check(giveBack, RuleName.MAX_LOSS);
        assertThat(trailing.measured()).isEqualByComparingTo("24000");
        assertThat(trailing.verdict()).isEqualTo(Verdict.BREACH);

        var snapshot = b.account.snapshot();
        var ctx = RuleContext.at(b.ruleSet, b.phase, snapshot, EvaluationPoint.QUOTE, t("2026-05-05T12:00:00Z"));
        LossAllowance twentyPct = new LossAllowance.Percent(new BigDecimal("20"));
        RuleCheck statics = new MaxLossRule(new MaxLossLimit(twentyPct, MaxLossMode.STATIC, false, BigDecimal.ZERO))
                .evaluate(ctx);
        assertThat(statics.threshold()).isEqualByComparingTo("20000");
        assertThat(statics.verdict()).isEqualTo(Verdict.OK);
        RuleCheck eod = new MaxLossRule(new MaxLossLimit(twentyPct, MaxLossMode.TRAILING_EOD_BALANCE, false,
                BigDecimal.ZERO)).evaluate(ctx);
        assertThat(eod.threshold()).isEqualByComparingTo("20000");
        assertThat(eod.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void staticFloorNeverMovesAndDistancePctIsShareOfAllowanceLeft() {
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-05-04T09:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-05-04T09:00:00Z"));
        b.trade("BTC-USD", Side.SELL, "1", "64000", t("2026-05-04T09:30:00Z"));
        b.advance(t("2026-05-06T00:00:00Z"));
        RuleCheck c = check(b.evaluate(EvaluationPoint.TIMER, t("2026-05-06T01:00:00Z")), RuleName.MAX_LOSS);
        assertThat(c.threshold()).isEqualByComparingTo("90000");
        assertThat(c.distance()).isEqualByComparingTo("14000");
        assertThat(c.distancePct()).isEqualByComparingTo("140");
    }
}
