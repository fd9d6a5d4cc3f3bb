package com.vaticprop.benchmarks.engine;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.AssessmentState;
import com.vaticprop.trading.assessment.EngineResult;
import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.instrument.FeeModel;
import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.monitor.FastAccount;
import com.vaticprop.trading.order.Execution;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.FillSimulator;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.SlippageModel;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3, performance 1: order → fill → position update → post-trade rule evaluation on one thread (target ≥
 * 1,000,000 ops/s). One operation is one market order of 0.01 BTC, alternately buy and sell, so the position opens,
 * closes, opens… Quote bid = ask = 60,000, no slippage, taker fee model at 0 bps (the fee is still computed on
 * every fill; a positive fee would drain the account into its daily floor within seconds of benchmarking and turn
 * every later order into a rejection); the Crypto Two-Step 100K tier with its whole rule catalogue.
 *
 * <ul>
 *   <li>{@code engine}: {@link AssessmentEngine#placeOrder} — pre-trade checks, fill, fee, booking, events and the
 *       POST_FILL evaluation with every rule's explanation, as production runs it;
 *   <li>{@code components}: the same chain without the engine's envelope — {@link FillSimulator#match}, the fee,
 *       {@link Account#applyFill}, snapshot and {@link RuleEngine#evaluate} (the straightforward BigDecimal path; the
 *       baseline of the fast path, which covers exactly this chain);
 *   <li>{@code fastAccount}: {@link FastAccount#marketOrder}, the fixed-point chain, property-tested to give the same
 *       books and verdicts as {@code components}.
 * </ul>
 * The engine and the account are rebuilt every iteration (closed positions and order ids accumulate).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OrderPathBenchmark {
    static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    static final BigDecimal FEE_BPS = BigDecimal.ZERO;

    static Quote quote() {
        BigDecimal p = new BigDecimal("60000.00");
        return new Quote(BTC, "bench", p, p, new BigDecimal("5"), new BigDecimal("5"), T0, T0, null, null);
    }

    @State(Scope.Thread)
    public static class Engine {
        AssessmentEngine engine;
        OrderRequest[] orders;
        int k;

        @Setup(Level.Iteration)
        public void setUp() {
            RuleSet rs = Fixtures.cryptoTwoStep100k();
            engine = new AssessmentEngine("E", rs, new EngineSettings(InstrumentCatalog.standard(FEE_BPS),
                    new SlippageModel.None(), StalenessPolicy.DEFAULT));
            engine.start(T0.minusSeconds(60));
            engine.onQuote(quote());
            k = 0;
        }

        OrderRequest next() {
            int n = k++;
            return new OrderRequest("O" + n, BTC, (n & 1) == 0 ? Side.BUY : Side.SELL,
                    com.vaticprop.trading.order.OrderType.MARKET, new BigDecimal("0.01"), null, null,
                    com.vaticprop.trading.order.TimeInForce.IOC, false, null);
        }
    }

    @State(Scope.Thread)
    public static class Components {
        RuleSet ruleSet;
        Phase phase;
        List<Rule> rules;
        Instrument instrument;
        FillSimulator simulator;
        Account account;
        Quote quote;
        OrderRequest buy;
        OrderRequest sell;
        int k;

        @Setup(Level.Iteration)
        public void setUp() {
            ruleSet = Fixtures.cryptoTwoStep100k();
            phase = ruleSet.phase(0);
            rules = Rules.forPhase(ruleSet, phase);
            instrument = InstrumentCatalog.standard(FEE_BPS).get(BTC);
            simulator = new FillSimulator(new SlippageModel.None());
            account = new Account("A", ruleSet.initialBalance(), BigDecimal.ZERO, LocalDate.parse("2026-05-04"));
            quote = quote();
            account.mark(quote);
            buy = OrderRequest.market("B", BTC, Side.BUY, "0.01");
            sell = OrderRequest.market("S", BTC, Side.SELL, "0.01");
            k = 0;
        }
    }

    @State(Scope.Thread)
    public static class Fast {
        FastAccount account;
        int btc;
        long qtyUnits;
        int k;

        @Setup(Level.Iteration)
        public void setUp() {
            RuleSet rs = Fixtures.cryptoTwoStep100k();
            account = new FastAccount(rs, rs.phase(0), InstrumentCatalog.standard(FEE_BPS), BigDecimal.ZERO,
                    LocalDate.parse("2026-05-04"));
            account.mark(quote());
            btc = account.slot(BTC);
            qtyUnits = 100; // 0.01 BTC in lots of 0.0001
            k = 0;
        }
    }

    /** Production path: the assessment engine, one order per operation. */
    @Benchmark
    public EngineResult engine(Engine s) {
        EngineResult r = s.engine.placeOrder(s.next(), T0);
        if (s.engine.state() != AssessmentState.ACTIVE) {
            throw new IllegalStateException("the benchmark account left ACTIVE: " + s.engine.state());
        }
        return r;
    }

    /** Fast path: fixed-point fill, booking and POST_FILL verdict. */
    @Benchmark
    public int fastAccount(Fast s) {
        int verdict = s.account.marketOrder(s.btc, (s.k++ & 1) == 0, s.qtyUnits, T0);
        if (verdict != 0) {
            throw new IllegalStateException("unexpected verdict " + verdict);
        }
        return verdict;
    }

    /** The same chain from its parts: fill simulation, fee, booking, snapshot, rule evaluation. */
    @Benchmark
    public Evaluation components(Components s) {
        OrderRequest order = (s.k++ & 1) == 0 ? s.buy : s.sell;
        List<Execution> ex = s.simulator.match(order, s.quote, s.instrument, order.qty());
        Execution e = ex.get(0);
        FeeModel.FeeCharge fee = s.instrument.feeModel().charge(e.qty(), e.price(), FeeModel.OrderFees.NONE);
        s.account.applyFill(new Fill("T", order.orderId(), BTC, order.side(), e.qty(), e.price(), fee.fee(), s.quote,
                T0));
        return RuleEngine.evaluate(s.rules, RuleContext.at(s.ruleSet, s.phase, s.account.snapshot(),
                EvaluationPoint.POST_FILL, T0));
    }
}
