package com.vaticprop.trading.rules;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.vaticprop.trading.rules.RuleBench.check;
import static org.assertj.core.api.Assertions.assertThat;

class PassConditionsTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void targetNeedsEquityAtTargetWithNoOpenPosition() {
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-05-04T09:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-05-04T09:00:00Z"));
        RuleCheck open = check(b.quote("BTC-USD", "70000", "70001", t("2026-05-04T10:00:00Z")),
                RuleName.PROFIT_TARGET);
        assertThat(open.measured()).isEqualByComparingTo("110000");
        assertThat(open.threshold()).isEqualByComparingTo("110000");
        assertThat(open.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(open.explanation()).contains("1 position(s) still open");
        RuleCheck flat = check(b.trade("BTC-USD", Side.SELL, "1", "70000", t("2026-05-04T10:00:01Z")),
                RuleName.PROFIT_TARGET);
        assertThat(flat.verdict()).isEqualTo(Verdict.MET);
        assertThat(flat.distance()).isEqualByComparingTo("0");
    }

    @Test
    void targetMetEarlyWaitsForTheMinimumTradingDays() {
        RuleBench b = new RuleBench(Tiers.cryptoTwoStep100k(), t("2026-05-04T09:00:00Z"));
        b.trade("BTC-USD", Side.BUY, "1", "60000", t("2026-05-04T09:00:00Z"));
        Evaluation e = b.trade("BTC-USD", Side.SELL, "1", "70000", t("2026-05-04T10:00:00Z"));
        assertThat(check(e, RuleName.PROFIT_TARGET).verdict()).isEqualTo(Verdict.MET);
        RuleCheck days = check(e, RuleName.MIN_TRADING_DAYS);
        assertThat(days.measured()).isEqualByComparingTo("1");
        assertThat(days.distance()).isEqualByComparingTo("3");
        assertThat(e.passReady()).isFalse();
        for (int d = 5; d <= 7; d++) {
            e = b.trade("SOL-USD", Side.BUY, "0.01", "150", t("2026-05-0" + d + "T09:00:00Z"));
        }
        // three one-cent-notional trades count (this tier's trading day needs 0% of initial), 4 of 4 days
        assertThat(check(e, RuleName.MIN_TRADING_DAYS).verdict()).isEqualTo(Verdict.MET);
        // but the last SOL long is open, so the target is not met until it is closed
        assertThat(e.passReady()).isFalse();
        e = b.trade("SOL-USD", Side.SELL, "0.03", "150", t("2026-05-07T09:01:00Z"));
        assertThat(e.passReady()).isTrue();
    }

    @Test
    void tradingDayDefinitionIgnoresFillsBelowTheMinimumNotional() {
        // One-Step 50K: a trading day needs a fill of ≥ 5% of 50000 = 2500
        RuleBench b = new RuleBench(Tiers.cryptoOneStep50kTrailing(), t("2026-05-04T09:00:00Z"));
        Evaluation small = b.trade("ETH-USD", Side.BUY, "0.833", "3000", t("2026-05-04T09:00:00Z")); // 2499
        assertThat(check(small, RuleName.MIN_TRADING_DAYS).measured()).isEqualByComparingTo("0");
        Evaluation enough = b.trade("ETH-USD", Side.SELL, "0.833", "3002", t("2026-05-04T09:05:00Z")); // 2500.67
        assertThat(check(enough, RuleName.MIN_TRADING_DAYS).measured()).isEqualByComparingTo("1");
    }

    /**
     * One-Step 50K: target 55000, 5 trading days, best day ≤ 40% of total profit. A 4000 day makes the 5000 profit
     * fail the gate (80%), so the phase stays open although target and days are met; it passes once total profit
     * reaches 10000 (4000 = 40%, inclusive).
     */
    @Test
    void consistencyGateDelaysThePass() {
        RuleBench b = new RuleBench(Tiers.cryptoOneStep50kTrailing(), t("2026-05-04T09:00:00Z"));
        String[] dayProfits = {"250", "250", "250", "250", "4000"};
        Evaluation e = null;
        for (int i = 0; i < dayProfits.length; i++) {
            Instant day = t("2026-05-0" + (4 + i) + "T09:00:00Z");
            e = b.trade("ETH-USD", Side.BUY, "1", "3000", day);
            e = b.trade("ETH-USD", Side.SELL, "1", String.valueOf(3000 + Integer.parseInt(dayProfits[i])),
                    day.plusSeconds(60));
        }
        assertThat(check(e, RuleName.PROFIT_TARGET).verdict()).isEqualTo(Verdict.MET);
        assertThat(check(e, RuleName.MIN_TRADING_DAYS).verdict()).isEqualTo(Verdict.MET);
        RuleCheck gate = check(e, RuleName.CONSISTENCY);
        assertThat(gate.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(gate.measured()).isEqualByComparingTo("80");
        assertThat(gate.distance()).as("profit still needed").isEqualByComparingTo("5000");
        assertThat(gate.kind()).isEqualTo(RuleKind.PASS_CONDITION);
        assertThat(e.failure()).as("a gate never fails the phase").isEmpty();
        assertThat(e.passReady()).isFalse();

        String[] more = {"1500", "1500", "2000"};
        for (int i = 0; i < more.length; i++) {
            Instant day = t("2026-05-" + (9 + i < 10 ? "0" : "") + (9 + i) + "T09:00:00Z");
            e = b.trade("ETH-USD", Side.BUY, "1", "3000", day);
            e = b.trade("ETH-USD", Side.SELL, "1", String.valueOf(3000 + Integer.parseInt(more[i])),
                    day.plusSeconds(60));
            if (i < 2) {
                assertThat(e.passReady()).isFalse();
            }
        }
        RuleCheck open = check(e, RuleName.CONSISTENCY);
        assertThat(open.measured()).isEqualByComparingTo("40");
        assertThat(open.verdict()).isEqualTo(Verdict.MET);
        assertThat(e.passReady()).isTrue();
    }
}
