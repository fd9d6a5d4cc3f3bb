package com.vaticprop.risk.kernel;

import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.Units;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's cross-check: 10,000 random paths under random rule sets (every daily-loss switch, every max-loss mode
 * with and without lock, target, minimum days, duration, consistency, inactivity) judged by the kernel and by the
 * trading engine's rules ({@link EngineReference}); verdict, reason and day must agree on every path. Amounts sit on
 * a coarse grid so that touching a floor exactly (the "touch = breach" edge) and several floors at once happen often,
 * with stray cents so that percentages of a day's anchor need the engine's HALF_EVEN rounding.
 */
class KernelCrossCheckTest {
    static final int PATHS = 10_000;

    @Test
    void kernelAgreesWithTheEngineOnEveryPath() {
        Map<PathOutcome, Integer> seen = new EnumMap<>(PathOutcome.class);
        List<String> mismatches = new ArrayList<>();
        // each path has its own generator, so the paths can be judged in parallel and still be the same paths
        IntStream.range(0, PATHS).parallel().forEach(i -> {
            SplittableRandom random = new SplittableRandom(20261125L * 31 + i);
            RuleSet rs = randomRuleSet(random);
            int horizon = 1 + random.nextInt(20);
            DayTable days = randomDays(random, horizon, Units.of(rs.initialBalance()));
            PathKernel kernel = new PathKernel(KernelRules.compile(rs, rs.phase(0), rs.initialBalance()));
            int code = kernel.run(new ReplayStream(days), random, horizon, null, 0, 0);
            EngineReference.Verdict expected = new EngineReference(rs, 0).judge(days, horizon);
            PathOutcome got = PathOutcome.of(code);
            synchronized (seen) {
                seen.merge(expected.outcome(), 1, Integer::sum);
                if (got != expected.outcome() || kernel.day != expected.day()) {
                    mismatches.add("path " + i + ": kernel " + got + " day " + kernel.day + ", engine " + expected
                            + " rules " + RuleSetDocument.from(rs));
                }
            }
        });
        assertThat(mismatches).as("paths where the kernel and the engine disagree").isEmpty();
        // the random rule sets and days reach every outcome often enough to mean something
        for (PathOutcome o : PathOutcome.values()) {
            assertThat(seen.getOrDefault(o, 0)).as("paths ending " + o).isGreaterThan(100);
        }
    }

    static RuleSet randomRuleSet(SplittableRandom r) {
        String initial = pick(r, "100000", "50000", "25000");
        DailyLossDoc daily = null;
        if (r.nextInt(5) > 0) {
            boolean pct = r.nextInt(3) > 0;
            daily = new DailyLossDoc(pct ? pick(r, "2", "3", "4.5", "5", "3.33") : null,
                    pct ? null : pick(r, "1000", "1250", "1234.56"),
                    pick(r, "INITIAL_BALANCE", "DAY_ANCHOR"),
                    pick(r, "PRIOR_DAY_BALANCE", "PRIOR_DAY_EQUITY", "MAX_OF_BOTH"), r.nextBoolean(),
                    pick(r, "INTRADAY", "END_OF_DAY"));
        }
        String mode = pick(r, "STATIC", "TRAILING_EOD_BALANCE", "TRAILING_INTRADAY_EQUITY");
        boolean lock = !mode.equals("STATIC") && r.nextBoolean();
        boolean pct = r.nextBoolean();
        MaxLossDoc max = new MaxLossDoc(pct ? pick(r, "4", "6", "10", "7.5") : null,
                pct ? null : pick(r, "2000", "3000", "4321.5"), mode, lock, lock ? pick(r, "0", "100", "250.5") : "0");
        Integer duration = r.nextInt(3) == 0 ? null : 3 + r.nextInt(15);
        int minDays = r.nextInt(Math.min(6, duration == null ? 6 : duration + 1));
        ConsistencyDoc consistency = r.nextInt(3) == 0 ? new ConsistencyDoc(pick(r, "30", "40", "50", "33.3")) : null;
        Integer inactivity = r.nextInt(4) == 0 ? 1 + r.nextInt(4) : null;
        RuleSetDocument doc = new RuleSetDocument(initial, "USD", new DayBoundaryDoc(pick(r, "UTC", "Europe/Prague"),
                "00:00"), List.of("BTC-USD"), pick(r, "80", "90", "75.5"),
                List.of(new PhaseDoc("Challenge", pick(r, "2", "4", "5", "8", "3.5"), minDays, duration)),
                new TradingDayDoc("0"), daily, max, consistency, inactivity,
                new ExposureDoc("2", null, null, null, 0L));
        return RuleSetValidator.validate(doc).orThrow();
    }

    /** Days on a grid of 0.25% of the initial balance (ties), one day in five with stray cents. */
    static DayTable randomDays(SplittableRandom r, int n, long initial) {
        long step = initial / 400;
        DayTable t = new DayTable(n);
        for (int i = 0; i < n; i++) {
            long cents = r.nextInt(5) == 0 ? (r.nextInt(20001) - 10000) * 1_000_000L : 0;
            long pnl = (r.nextInt(17) - 7) * step + cents;
            long low = Math.min(0, pnl) - r.nextInt(6) * step - (r.nextBoolean() ? 0 : cents / 3);
            long high = Math.max(0, pnl) + r.nextInt(6) * step;
            long carry = r.nextInt(4) == 0 ? (r.nextInt(9) - 4) * step / 2 : 0;
            long balLow = r.nextInt(3) == 0 ? -r.nextInt(8) * step : 0;
            boolean trading = r.nextInt(4) > 0;
            t.set(i, pnl, low, high, carry, balLow, trading, trading || r.nextInt(3) == 0);
        }
        return t;
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
