package com.vaticprop.risk;

import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.trading.account.DayClose;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.RuleSetDocument;
import com.vaticprop.trading.ruleset.RuleSetDocument.ConsistencyDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.DailyLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.DayBoundaryDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.ExposureDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.MaxLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.PhaseDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.TradingDayDoc;
import com.vaticprop.trading.ruleset.RuleSetValidator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test samples and rule sets. */
public final class Samples {
    static final LocalDate DAY0 = LocalDate.parse("2026-01-05");

    private Samples() {
    }

    /** Days with the given P&Ls, flat at the close, intraday low/high at the close's side only, all trading days. */
    public static PnlSample.Days days(double... pnls) {
        return daysWithDip(0, pnls);
    }

    /** As {@link #days(double...)} with an extra intraday dip of {@code dip} below min(open, close) every day. */
    public static PnlSample.Days daysWithDip(double dip, double... pnls) {
        List<DayClose> out = new ArrayList<>();
        BigDecimal equity = new BigDecimal("100000");
        for (int i = 0; i < pnls.length; i++) {
            BigDecimal pnl = BigDecimal.valueOf(pnls[i]);
            BigDecimal close = equity.add(pnl);
            BigDecimal min = equity.min(close).subtract(BigDecimal.valueOf(dip));
            out.add(new DayClose(DAY0.plusDays(i), close, close, pnl, min, equity.max(close), true, 2));
            equity = close;
        }
        return new PnlSample.Days(out);
    }

    /** A ±{@code unit} step sample with exactly {@code wins} winning days out of {@code n}. */
    public static PnlSample.Days steps(int wins, int n, double unit) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = i < wins ? unit : -unit;
        }
        return days(p);
    }

    /** AR(1) day P&L: x_t = φ x_{t−1} + ε_t, ε ~ N(0, sd). */
    public static PnlSample.Days ar1(int n, double phi, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x = phi * x + sd * r.nextGaussian();
            p[i] = Math.round(x * 100) / 100.0;
        }
        return days(p);
    }

    /**
     * A one-phase rule set on 100,000 USD.
     *
     * @param daily null = no daily loss
     */
    public static RuleSet ruleSet(String targetPct, int minDays, Integer maxDuration, DailyLossDoc daily,
                                  MaxLossDoc maxLoss, String consistencyPct, Integer inactivity) {
        return RuleSetValidator.validate(new RuleSetDocument("100000", "USD", new DayBoundaryDoc("UTC", "00:00"),
                List.of("BTC-USD"), "80", List.of(new PhaseDoc("Challenge", targetPct, minDays, maxDuration)),
                new TradingDayDoc("0"), daily, maxLoss,
                consistencyPct == null ? null : new ConsistencyDoc(consistencyPct), inactivity,
                new ExposureDoc("2", null, null, null, 0L))).orThrow();
    }

    /** Static max loss only: floor {@code 100,000 − maxLoss}, target {@code 100,000 + target}. */
    public static RuleSet staticOnly(String targetPct, String maxLossAmount) {
        return ruleSet(targetPct, 0, null, null, new MaxLossDoc(null, maxLossAmount, "STATIC", false, "0"), null,
                null);
    }

    /** Every rule on: daily 5% INTRADAY on equity, trailing intraday max loss 10% locked at initial, 8% target,
     * 5 trading days, 60-day duration, 40% consistency. */
    public static RuleSet full() {
        return ruleSet("8", 5, 60, new DailyLossDoc("5", null, "INITIAL_BALANCE", "MAX_OF_BOTH", true, "INTRADAY"),
                new MaxLossDoc("10", null, "TRAILING_INTRADAY_EQUITY", true, "0"), "40", null);
    }
}
