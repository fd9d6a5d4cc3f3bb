package com.vaticprop.benchmarks.engine;

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

import java.util.List;

/** The crypto tiers of shared/fixtures/tiers.json, plus a variant with an intraday trailing max loss. */
final class Fixtures {
    private Fixtures() {
    }

    /** Crypto Two-Step 100K: daily 5% of initial on prior-day balance, static 10% max loss. */
    static RuleSet cryptoTwoStep100k() {
        return RuleSetValidator.validate(new RuleSetDocument("100000", "USD",
                new DayBoundaryDoc("Europe/Prague", "00:00"), List.of("BTC-USD", "ETH-USD", "SOL-USD"), "80",
                List.of(new PhaseDoc("Challenge", "10", 4, 30), new PhaseDoc("Verification", "5", 4, 60)),
                new TradingDayDoc("0"),
                new DailyLossDoc("5", null, "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", true, "INTRADAY"),
                new MaxLossDoc("10", null, "STATIC", false, "0"), null, null,
                new ExposureDoc("2", null, null, null, 0L))).orThrow();
    }

    /** Crypto One-Step 50K: daily 3% on the max of both, trailing end-of-day 3000 locked at initial + 100. */
    static RuleSet cryptoOneStep50kTrailing() {
        return RuleSetValidator.validate(new RuleSetDocument("50000", "USD", new DayBoundaryDoc("UTC", "00:00"),
                List.of("BTC-USD", "ETH-USD", "SOL-USD"), "90", List.of(new PhaseDoc("Evaluation", "10", 5, null)),
                new TradingDayDoc("5"),
                new DailyLossDoc("3", null, "INITIAL_BALANCE", "MAX_OF_BOTH", true, "INTRADAY"),
                new MaxLossDoc(null, "3000", "TRAILING_EOD_BALANCE", true, "100"), new ConsistencyDoc("40"), 30,
                new ExposureDoc("1", null, null, null, 0L))).orThrow();
    }

    /** 25K crypto with the prediction tier's loss rules: daily 8% on prior-day equity, intraday trailing 20%. */
    static RuleSet cryptoIntradayTrailing25k() {
        return RuleSetValidator.validate(new RuleSetDocument("25000", "USD", new DayBoundaryDoc("UTC", "00:00"),
                List.of("BTC-USD", "ETH-USD", "SOL-USD"), "80", List.of(new PhaseDoc("Evaluation", "20", 3, 60)),
                new TradingDayDoc("0"),
                new DailyLossDoc("8", null, "INITIAL_BALANCE", "PRIOR_DAY_EQUITY", true, "INTRADAY"),
                new MaxLossDoc("20", null, "TRAILING_INTRADAY_EQUITY", false, "0"), null, 14,
                new ExposureDoc("2", null, null, null, 0L))).orThrow();
    }

    static List<RuleSet> cryptoTiers() {
        return List.of(cryptoTwoStep100k(), cryptoOneStep50kTrailing(), cryptoIntradayTrailing25k());
    }
}
