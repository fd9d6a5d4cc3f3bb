package com.vaticprop.benchmarks.engine;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.monitor.QuoteMonitor;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.Rule;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleEngine;
import com.vaticprop.trading.rules.Rules;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3, performance 2: one BTC-USD quote re-marks and checks 100,000 open accounts that all hold BTC-USD, on one
 * thread (target ≤ 5 ms per quote).
 *
 * <ul>
 *   <li>{@code straightforward}: the BigDecimal path — per account {@link Account#mark(Quote)}, snapshot and
 *       {@link RuleEngine#evaluate} of the phase's whole catalogue at {@link EvaluationPoint#QUOTE} (the baseline);
 *   <li>{@code monitor}: {@link QuoteMonitor}, the fixed-point fast path, property-tested to give the same verdicts.
 * </ul>
 * Accounts: a third each of the three crypto tiers (static, end-of-day trailing and intraday trailing max loss), half
 * long and half short, notional 0.2–1.5 × the initial balance bought within ±4% of 60,000, so some of them are
 * breached by the quotes.
 * Each operation is one quote; the quotes alternate between 60,000 and 58,800 (−2%) to move marks, peaks and
 * verdicts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class QuoteFanOutBenchmark {
    static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    static final LocalDate DAY = LocalDate.parse("2026-05-04");
    /** Midday of {@link #DAY} in both zones used by the tiers. */
    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    static final BigDecimal[] BIDS = {new BigDecimal("60000.00"), new BigDecimal("58800.00")};
    static final BigDecimal SPREAD = new BigDecimal("0.50");
    static final BigDecimal[] ASKS = {BIDS[0].add(SPREAD), BIDS[1].add(SPREAD)};

    /** One account of the fan-out with its tier. */
    record Held(String id, RuleSet ruleSet, Phase phase, List<Rule> rules, Account account) {
    }

    static List<Held> accounts(int n) {
        List<RuleSet> tiers = Fixtures.cryptoTiers();
        List<List<Rule>> rules = tiers.stream().map(t -> Rules.forPhase(t, t.phase(0))).toList();
        SplittableRandom r = new SplittableRandom(42);
        List<Held> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int t = i % tiers.size();
            RuleSet rs = tiers.get(t);
            String id = "A" + i;
            Account a = new Account(id, rs.initialBalance(), BigDecimal.ZERO, DAY);
            BigDecimal price = BigDecimal.valueOf(60_000 * (0.96 + 0.08 * r.nextDouble())).setScale(2,
                    RoundingMode.HALF_EVEN);
            double leverage = 0.2 + 1.3 * r.nextDouble();
            BigDecimal qty = BigDecimal.valueOf(rs.initialBalance().doubleValue() * leverage / price.doubleValue())
                    .setScale(4, RoundingMode.DOWN);
            Side side = (i / tiers.size()) % 2 == 0 ? Side.BUY : Side.SELL;
            Instant at = T0.minusSeconds(3600);
            Quote q = new Quote(BTC, "bench", price, price, BigDecimal.TEN, BigDecimal.TEN, at, at, null, null);
            a.applyFill(new Fill("T" + i, "O" + i, BTC, side, qty, price,
                    Money.bps(BigDecimal.TEN, qty.multiply(price)), q, at));
            out.add(new Held(id, rs, rs.phase(0), rules.get(t), a));
        }
        return out;
    }

    static Quote quote(int k, Instant at) {
        BigDecimal bid = BIDS[k & 1];
        return new Quote(BTC, "bench", bid, ASKS[k & 1], BigDecimal.TEN, BigDecimal.TEN, at, at, null, null);
    }

    @State(Scope.Benchmark)
    public static class Straightforward {
        @Param({"100000"})
        int accounts;
        List<Held> held;
        Quote[] quotes;
        int k;

        @Setup(Level.Trial)
        public void setUp() {
            held = accounts(accounts);
            quotes = new Quote[]{quote(0, T0), quote(1, T0)};
        }
    }

    @State(Scope.Benchmark)
    public static class Monitor {
        @Param({"100000"})
        int accounts;
        QuoteMonitor monitor;
        long k;

        @Setup(Level.Trial)
        public void setUp() {
            List<Held> held = accounts(accounts);
            monitor = new QuoteMonitor(BTC, 4, accounts);
            for (Held h : held) {
                monitor.register(h.id(), h.ruleSet(), h.phase(), h.account());
            }
            // the two paths must agree before anything is timed
            for (int q = 0; q < 2; q++) {
                Quote quote = quote(q, T0.plusNanos(q));
                int fast = monitor.onQuote(quote);
                int slow = 0;
                for (Held h : held) {
                    h.account().mark(quote);
                    Evaluation e = RuleEngine.evaluate(h.rules(), RuleContext.at(h.ruleSet(), h.phase(),
                            h.account().snapshot(), EvaluationPoint.QUOTE, quote.receivedTs()));
                    slow += e.failure().isPresent() ? 1 : 0;
                }
                if (fast != slow) {
                    throw new IllegalStateException("monitor " + fast + " breaches, straightforward " + slow);
                }
                System.out.println("quote " + quote.bid() + ": " + fast + " of " + accounts + " accounts breached"
                        + " (both paths)");
            }
            k = 2;
        }
    }

    /** Baseline: every account re-marked and its whole rule catalogue evaluated in BigDecimal. */
    @Benchmark
    public int straightforward(Straightforward s) {
        Quote quote = s.quotes[s.k++ & 1];
        int breached = 0;
        for (Held h : s.held) {
            h.account().mark(quote);
            Evaluation e = RuleEngine.evaluate(h.rules(), RuleContext.at(h.ruleSet(), h.phase(),
                    h.account().snapshot(), EvaluationPoint.QUOTE, quote.receivedTs()));
            if (e.failure().isPresent()) {
                breached++;
            }
        }
        return breached;
    }

    /** Fast path: fixed-point re-mark and check of every account. */
    @Benchmark
    public int monitor(Monitor s) {
        long k = s.k++;
        return s.monitor.onQuote(BIDS[(int) (k & 1)], ASKS[(int) (k & 1)], T0.plusNanos(k));
    }
}
