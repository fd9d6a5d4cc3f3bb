package com.vaticprop.trading.rules;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.vaticprop.trading.rules.RuleBench.check;
import static org.assertj.core.api.Assertions.assertThat;

class TimeRulesTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void maxDurationCountsCalendarDaysInTheZoneAcrossDst() {
        // Challenge phase: 30 days from Friday 27 March 2026 (Prague) → trading through 25 April, fails at
        // 26 April 00:00 CEST = 25 April 22:00 UTC
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-03-27T10:00:00Z"));
        RuleCheck last = check(b.evaluate(EvaluationPoint.TIMER, t("2026-04-25T21:59:59Z")), RuleName.MAX_DURATION);
        assertThat(last.verdict()).isEqualTo(Verdict.OK);
        assertThat(last.measured()).isEqualByComparingTo("30");
        assertThat(last.distance()).isEqualByComparingTo("1");
        Evaluation over = b.evaluate(EvaluationPoint.TIMER, t("2026-04-25T22:00:00Z"));
        RuleCheck timeUp = check(over, RuleName.MAX_DURATION);
        assertThat(timeUp.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(timeUp.inputs()).containsEntry("deadline", "2026-04-25T22:00:00Z");
        assertThat(over.failure()).contains(timeUp);
    }

    @Test
    void noDurationLimitNeverBreaches() {
        RuleBench b = new RuleBench(Tiers.cryptoOneStep50kTrailing(), t("2026-03-27T10:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "0.05", "60000", t("2026-03-27T10:00:00Z"));
        RuleCheck c = check(b.quote("BTC-USD", "60000", "60000", t("2027-01-01T10:00:00Z")), RuleName.MAX_DURATION);
        assertThat(c.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void inactivityCountsWholeIdleDaysSinceTheLastFill() {
        // Prediction Markets 25K: 14 days; last fill on 4 May → idle 5–18 May → fails at 19 May 00:00 UTC
        RuleBench b = new RuleBench(Tiers.predictionMarkets25k(), t("2026-05-01T10:00:00Z"));
        b.trade("POLY:9", Side.BUY, "10", "0.50", t("2026-05-04T10:00:00Z"));
        RuleCheck ok = check(b.evaluate(EvaluationPoint.TIMER, t("2026-05-18T23:59:59Z")), RuleName.INACTIVITY);
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);
        assertThat(ok.measured()).isEqualByComparingTo("13");
        assertThat(ok.anchor()).isEqualTo("LAST_TRADE_DAY 2026-05-04");
        Evaluation e = b.evaluate(EvaluationPoint.TIMER, t("2026-05-19T00:00:00Z"));
        assertThat(check(e, RuleName.INACTIVITY).verdict()).isEqualTo(Verdict.BREACH);
        assertThat(e.failure()).hasValueSatisfying(c -> assertThat(c.rule()).isEqualTo(RuleName.INACTIVITY));
    }

    @Test
    void inactivityWithoutAnyFillCountsFromTheStart() {
        RuleBench b = new RuleBench(Tiers.predictionMarkets25k(), t("2026-05-01T10:00:00Z"));
        assertThat(check(b.evaluate(EvaluationPoint.TIMER, t("2026-05-15T23:00:00Z")), RuleName.INACTIVITY)
                .verdict()).isEqualTo(Verdict.OK);
        assertThat(check(b.evaluate(EvaluationPoint.TIMER, t("2026-05-16T00:00:00Z")), RuleName.INACTIVITY)
                .verdict()).isEqualTo(Verdict.BREACH);
    }
}
