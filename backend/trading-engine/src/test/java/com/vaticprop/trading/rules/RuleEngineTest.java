package com.vaticprop.trading.rules;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.vaticprop.trading.rules.RuleBench.check;
import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void whenOneMoveCrossesBothFloorsTheHigherDailyFloorIsTheReason() {
        // Two-Step: daily floor 95000, static max floor 90000; one quote takes equity to 89000
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-05-04T09:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-05-04T09:00:00Z"));
        Evaluation e = b.quote("BTC-USD", "49000", "49001", t("2026-05-04T09:01:00Z"));
        assertThat(check(e, RuleName.DAILY_LOSS).verdict()).isEqualTo(Verdict.BREACH);
        assertThat(check(e, RuleName.MAX_LOSS).verdict()).isEqualTo(Verdict.BREACH);
        assertThat(e.failure().orElseThrow().rule()).isEqualTo(RuleName.DAILY_LOSS);
    }

    @Test
    void whenTheTrailingFloorIsHigherItIsTheReason() {
        // PM 25K: peak equity 29000 → trailing floor 24000; day 2's daily floor = prior close equity 25500 − 2000
        RuleBench b = new RuleBench(Tiers.predictionMarkets25k(), t("2026-05-04T09:00:00Z"));
        b.trade("POLY:42", Side.BUY, "10000", "0.40", t("2026-05-04T09:00:00Z"));
        b.quote("POLY:42", "0.80", "0.81", t("2026-05-04T10:00:00Z"));
        b.quote("POLY:42", "0.45", "0.46", t("2026-05-04T23:00:00Z"));
        Evaluation e = b.quote("POLY:42", "0.20", "0.21", t("2026-05-05T10:00:00Z"));
        RuleCheck daily = check(e, RuleName.DAILY_LOSS);
        RuleCheck max = check(e, RuleName.MAX_LOSS);
        assertThat(daily.threshold()).isEqualByComparingTo("23500");
        assertThat(max.threshold()).isEqualByComparingTo("24000");
        assertThat(daily.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(max.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(e.failure()).contains(max);
    }

    @Test
    void everyCheckExplainsItself() {
        RuleBench b = new RuleBench(Tiers.cryptoOneStep50kTrailing(), t("2026-05-04T09:00:00Z"));
        Evaluation e = b.trade("BTC-USD", Side.SELL, "0.83", "60000", t("2026-05-04T09:00:00Z"));
        assertThat(e.checks()).extracting(RuleCheck::rule).containsExactly(RuleName.DAILY_LOSS, RuleName.MAX_LOSS,
                RuleName.MAX_DURATION, RuleName.INACTIVITY, RuleName.PROFIT_TARGET, RuleName.MIN_TRADING_DAYS,
                RuleName.CONSISTENCY, RuleName.EXPOSURE);
        for (RuleCheck c : e.checks()) {
            assertThat(c.explanation()).as(c.rule().name()).isNotBlank().contains(c.verdict().name());
            assertThat(c.zone()).as(c.rule().name()).isNotNull();
            assertThat(c.anchor()).as(c.rule().name()).isNotBlank();
            assertThat(c.point()).isEqualTo(EvaluationPoint.POST_FILL);
        }
        RuleCheck exposure = check(e, RuleName.EXPOSURE);
        assertThat(exposure.measured()).isEqualByComparingTo("0.996");
        assertThat(exposure.distance()).isEqualByComparingTo("200");
        assertThat(exposure.verdict()).isEqualTo(Verdict.OK);
        // a rally against the short pushes leverage over 1 (gross 49966 > equity 49834) without failing anything
        Evaluation jump = b.quote("BTC-USD", "60190", "60200", t("2026-05-04T09:30:00Z"));
        assertThat(check(jump, RuleName.EXPOSURE).verdict()).isEqualTo(Verdict.BREACH);
        assertThat(jump.failure()).isEmpty();
    }
}
