package com.vaticprop.benchmarks.montecarlo;

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

/**
 * The model both sides of the Monte Carlo benchmark simulate (issue 8): the Java engine here and the NumPy peer in
 * {@code backend/benchmarks/montecarlo/numpy_peer.py}, which builds the same sample from the same integer formula
 * (so nothing is read from files and both sides provably use identical days).
 *
 * <p>Sample: 250 days; for day {@code i = 1..250}, {@code x = i × 2654435761 mod 2^32};
 * P&L {@code (x mod 6001) − 2900} (whole dollars), intraday low {@code min(0, P&L) − ((x >> 11) mod 2500)}, high
 * {@code max(0, P&L) + ((x >> 21) mod 1500)}, a trading day unless {@code (x >> 7) mod 10 = 0}, flat at every close.
 *
 * <p>Rule set ("every rule on"): 100,000 USD, target 8%, at least 5 trading days, 60 days at most; daily loss 5% of
 * the initial balance under the higher of prior close balance and equity, on equity, intraday; max loss 10% trailing
 * the intraday equity peak, locked at the initial balance; consistency: best day ≤ 40% of the profit.
 */
public final class BenchmarkModel {
    public static final int HORIZON = 60;
    public static final int SAMPLE_DAYS = 250;

    private BenchmarkModel() {
    }

    public static PnlSample.Days sample() {
        List<DayClose> days = new ArrayList<>(SAMPLE_DAYS);
        long equity = 100_000;
        LocalDate day = LocalDate.parse("2026-01-01");
        for (long i = 1; i <= SAMPLE_DAYS; i++) {
            long x = (i * 2654435761L) & 0xFFFF_FFFFL;
            long pnl = x % 6001 - 2900;
            long low = Math.min(0, pnl) - (x >> 11) % 2500;
            long high = Math.max(0, pnl) + (x >> 21) % 1500;
            boolean trading = (x >> 7) % 10 != 0;
            long close = equity + pnl;
            days.add(new DayClose(day, BigDecimal.valueOf(close), BigDecimal.valueOf(close), BigDecimal.valueOf(pnl),
                    BigDecimal.valueOf(equity + low), BigDecimal.valueOf(equity + high), trading, trading ? 3 : 0));
            equity = close;
            day = day.plusDays(1);
        }
        return new PnlSample.Days(days);
    }

    public static RuleSet ruleSet() {
        return RuleSetValidator.validate(new RuleSetDocument("100000", "USD", new DayBoundaryDoc("UTC", "00:00"),
                List.of("BTC-USD", "ETH-USD", "SOL-USD"), "80", List.of(new PhaseDoc("Challenge", "8", 5, 60)),
                new TradingDayDoc("0"),
                new DailyLossDoc("5", null, "INITIAL_BALANCE", "MAX_OF_BOTH", true, "INTRADAY"),
                new MaxLossDoc("10", null, "TRAILING_INTRADAY_EQUITY", true, "0"), new ConsistencyDoc("40"), null,
                new ExposureDoc("2", null, null, null, 0L))).orThrow();
    }
}
