package com.vaticprop.trading.monitor;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Execution;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.FillSimulator;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.SlippageModel;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.Rule;
import com.vaticprop.trading.rules.RuleCheck;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleEngine;
import com.vaticprop.trading.rules.Rules;
import com.vaticprop.trading.ruleset.ConsistencyGate;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.DayAnchor;
import com.vaticprop.trading.ruleset.DayBoundary;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.LossAllowance;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.MaxLossMode;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.TradingDayDefinition;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.vaticprop.trading.fixtures.RandomInputs.allowance;
import static com.vaticprop.trading.fixtures.RandomInputs.pick;
import static com.vaticprop.trading.fixtures.RandomInputs.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FastAccount} against the straightforward chain — {@link FillSimulator} (market order, no slippage), the
 * instrument's fee, {@link Account#applyFill} and {@link RuleEngine} at POST_FILL — on random rule sets (every loss-rule
 * variant, targets, minimum days, consistency gates, duration and inactivity) and random sequences of quotes, market
 * orders (long, short, increase, partial reduce, close, flip; sizes above the displayed size) and day closes: after
 * every step the same books and, after every fill, the same verdict.
 */
class FastAccountPropertiesTest {
    private static final List<InstrumentId> IDS = List.of(InstrumentId.of("BTC-USD"), InstrumentId.of("ETH-USD"),
            InstrumentId.of("SOL-USD"));
    private static final LocalDate START = LocalDate.parse("2026-03-26");

    @Property(tries = 300)
    void sameBooksAndVerdictsAsTheStraightforwardChain(@ForAll long seed,
                                                       @ForAll @IntRange(min = 1, max = 80) int steps) {
        Random r = new Random(seed);
        BigDecimal feeBps = List.of(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("7.5"), new BigDecimal("2.25"))
                .get(r.nextInt(4));
        InstrumentCatalog catalog = InstrumentCatalog.standard(feeBps);
        RuleSet rs = randomRuleSet(r);
        Phase phase = rs.phase(0);
        List<Rule> rules = Rules.forPhase(rs, phase);
        BigDecimal minNotional = Money.pctOf(rs.tradingDay().minTradeNotionalPctOfInitial(), rs.initialBalance());
        Account account = new Account("A", rs.initialBalance(), minNotional, START);
        FastAccount fast = new FastAccount(rs, phase, catalog, minNotional, START);
        FillSimulator simulator = new FillSimulator(new SlippageModel.None());
        Map<InstrumentId, BigDecimal> mids = new HashMap<>(Map.of(IDS.get(0), price(r, 20_000, 100_000),
                IDS.get(1), price(r, 1_000, 5_000), IDS.get(2), price(r, 20, 300)));
        Map<InstrumentId, Quote> quotes = new HashMap<>();
        LocalDate day = START;
        Instant at = rs.dayBoundary().startOf(day).plusSeconds(60);
        for (int step = 0; step < steps; step++) {
            int op = r.nextInt(10);
            InstrumentId id = IDS.get(r.nextInt(r.nextInt(4) == 0 ? 3 : 1));
            at = at.plusSeconds(1 + r.nextInt(600));
            if (!at.isBefore(rs.dayBoundary().startOf(day.plusDays(1))) || op == 0) {
                day = day.plusDays(1);
                account.closeDay(day);
                fast.closeDay(day);
                at = rs.dayBoundary().startOf(day).plusSeconds(1 + r.nextInt(3600));
                Statistics.label("step").collect("day close");
            } else if (op <= 3 || !quotes.containsKey(id)) {
                BigDecimal mid = mids.get(id).multiply(BigDecimal.valueOf(0.94 + 0.12 * r.nextDouble()))
                        .setScale(2, RoundingMode.HALF_EVEN);
                mids.put(id, mid);
                BigDecimal ask = mid.add(BigDecimal.valueOf(r.nextInt(3) == 0 ? 0 : r.nextInt(500), 2));
                Instrument inst = catalog.get(id);
                BigDecimal size = BigDecimal.valueOf(1 + r.nextInt(200_000), 4).max(inst.lotSize());
                Quote q = new Quote(id, "test", mid, ask, size, size.add(BigDecimal.ONE), at, at, null, null);
                quotes.put(id, q);
                account.mark(q);
                fast.mark(q);
                Statistics.label("step").collect("quote");
            } else {
                Quote q = quotes.get(id);
                Instrument inst = catalog.get(id);
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                double maxQty = rs.initialBalance().doubleValue() * 2 / q.ask().doubleValue();
                BigDecimal qty = BigDecimal.valueOf(maxQty * r.nextDouble()).setScale(
                        inst.lotSize().stripTrailingZeros().scale(), RoundingMode.DOWN);
                if (r.nextInt(5) < 2 && account.position(id).isPresent()) { // close, or flip by a bit more
                    qty = account.position(id).get().absQty().add(r.nextBoolean() ? BigDecimal.ZERO : inst.lotSize());
                    side = account.position(id).get().isLong() ? Side.SELL : Side.BUY;
                }
                OrderRequest order = new OrderRequest("O" + step, id, side, com.vaticprop.trading.order.OrderType.MARKET,
                        qty, null, null, com.vaticprop.trading.order.TimeInForce.IOC, false, null);
                int verdict = fast.marketOrder(id, side, qty, at);
                List<Execution> executions = qty.signum() > 0 ? simulator.match(order, q, inst, qty) : List.of();
                if (executions.isEmpty()) {
                    assertThat(verdict).isEqualTo(FastAccount.NO_FILL);
                    continue;
                }
                Execution ex = executions.get(0);
                BigDecimal fee = inst.feeModel().feeFor(ex.qty(), ex.price());
                account.applyFill(new Fill("T" + step, order.orderId(), id, side, ex.qty(), ex.price(), fee, q, at));
                Evaluation e = RuleEngine.evaluate(rules, RuleContext.at(rs, phase, account.snapshot(),
                        EvaluationPoint.POST_FILL, at));
                String where = "step " + step + " " + rs + " " + account.snapshot();
                assertThat(FastAccount.reason(verdict)).as(where)
                        .isEqualTo(e.failure().map(RuleCheck::rule).orElse(null));
                e.failure().ifPresent(f -> assertThat(fast.threshold(verdict)).as(where)
                        .isEqualByComparingTo(f.threshold()));
                assertThat((verdict & FastAccount.PASS_READY) != 0).as(where).isEqualTo(e.passReady());
                Statistics.label("step").collect("fill");
                Statistics.label("position after fill").collect(account.position(id).map(p -> p.isLong() ? "long"
                        : "short").orElse("flat"));
                Statistics.label("verdict").collect(e.failure().map(f -> f.rule().name())
                        .orElse(e.passReady() ? "PASS_READY" : "none"));
            }
            AccountSnapshot s = account.snapshot();
            String where = "step " + step + " " + s;
            assertThat(fast.cash()).as(where).isEqualByComparingTo(s.cash());
            assertThat(fast.realizedPnl()).as(where).isEqualByComparingTo(s.realizedPnl());
            assertThat(fast.fees()).as(where).isEqualByComparingTo(s.fees());
            assertThat(fast.equityValue()).as(where).isEqualByComparingTo(s.equity());
            assertThat(fast.peakEquity()).as(where).isEqualByComparingTo(s.peakEquity());
            assertThat(fast.dayMinEquity()).as(where).isEqualByComparingTo(s.dayMinEquity());
            assertThat(fast.dayMaxEquity()).as(where).isEqualByComparingTo(s.dayMaxEquity());
            assertThat(fast.tradingDays()).as(where).isEqualTo(s.tradingDays());
            assertThat(fast.openPositions()).as(where).isEqualTo(s.openPositions());
            for (InstrumentId i : IDS) {
                BigDecimal q = account.position(i).map(p -> p.qty()).orElse(BigDecimal.ZERO);
                BigDecimal c = account.position(i).map(p -> p.costBasis()).orElse(BigDecimal.ZERO);
                assertThat(fast.position(i)).as(where).isEqualByComparingTo(q);
                assertThat(fast.costBasis(i)).as(where).isEqualByComparingTo(c);
            }
        }
    }

    /** Daily and max-loss floors equal (10% of 100,000 on day 1): the engine names the daily loss, so must the fast path. */
    @net.jqwik.api.Example
    void aTieBetweenFloorsIsReportedAsTheDailyLossLikeTheEngine() {
        RuleSet base = Tiers.cryptoTwoStep100k();
        BigDecimal initial = new BigDecimal("100000");
        Phase phase = base.phase(0);
        InstrumentCatalog catalog = InstrumentCatalog.standard(BigDecimal.ZERO);
        InstrumentId btc = IDS.get(0);
        for (MaxLossMode mode : MaxLossMode.values()) {
            RuleSet rs = new RuleSet(initial, "USD", base.dayBoundary(), base.instruments(), base.profitSplitPct(),
                    List.of(phase), base.tradingDay(), new DailyLossLimit(new LossAllowance.Percent(BigDecimal.TEN),
                    LimitBasis.INITIAL_BALANCE, DayAnchor.PRIOR_DAY_BALANCE, true, DailyEvaluation.INTRADAY),
                    new MaxLossLimit(new LossAllowance.Amount(new BigDecimal("10000")), mode, false, BigDecimal.ZERO),
                    null, null, base.exposure());
            Instant at = rs.dayBoundary().startOf(START).plusSeconds(3600);
            Account account = new Account("A", initial, BigDecimal.ZERO, START);
            FastAccount fast = new FastAccount(rs, phase, catalog, BigDecimal.ZERO, START);
            // bought 2 at 50,000, marked at a bid of 45,000: equity exactly 90,000 = both floors
            Quote q = new Quote(btc, "test", new BigDecimal("45000"), new BigDecimal("50000"), BigDecimal.TEN,
                    BigDecimal.TEN, at, at, null, null);
            fast.mark(q);
            account.mark(q);
            int verdict = fast.marketOrder(btc, Side.BUY, new BigDecimal("2"), at);
            account.applyFill(new Fill("T", "O", btc, Side.BUY, new BigDecimal("2"), new BigDecimal("50000"),
                    BigDecimal.ZERO, q, at));
            Evaluation e = RuleEngine.evaluate(Rules.forPhase(rs, phase), RuleContext.at(rs, phase,
                    account.snapshot(), EvaluationPoint.POST_FILL, at));
            assertThat(FastAccount.reason(verdict)).as(mode.name()).isEqualTo(com.vaticprop.trading.rules.RuleName.DAILY_LOSS)
                    .isEqualTo(e.failure().map(RuleCheck::rule).orElse(null));
            assertThat(fast.threshold(verdict)).isEqualByComparingTo(e.failure().orElseThrow().threshold());
        }
    }

    private static RuleSet randomRuleSet(Random r) {
        RuleSet base = Tiers.cryptoTwoStep100k();
        BigDecimal initial = BigDecimal.valueOf(10_000L * (1 + r.nextInt(20)));
        DailyLossLimit daily = r.nextInt(5) == 0 ? null : new DailyLossLimit(allowance(r, initial),
                pick(r, LimitBasis.values()), pick(r, DayAnchor.values()), r.nextInt(4) != 0,
                r.nextInt(4) == 0 ? DailyEvaluation.END_OF_DAY : DailyEvaluation.INTRADAY);
        MaxLossMode mode = pick(r, MaxLossMode.values());
        boolean lock = mode != MaxLossMode.STATIC && r.nextBoolean();
        MaxLossLimit maxLoss = new MaxLossLimit(allowance(r, initial), mode, lock,
                BigDecimal.valueOf(r.nextInt(50_000), 2));
        Phase phase = new Phase("P", BigDecimal.valueOf(5 + r.nextInt(200), 2), r.nextInt(3),
                r.nextBoolean() ? null : 1 + r.nextInt(4));
        Integer inactivity = r.nextBoolean() ? null : 1 + r.nextInt(3);
        ConsistencyGate gate = r.nextBoolean() ? null
                : new ConsistencyGate(BigDecimal.valueOf(2000 + r.nextInt(8000), 2));
        TradingDayDefinition tradingDay = new TradingDayDefinition(BigDecimal.valueOf(r.nextInt(300), 2));
        return new RuleSet(initial, "USD", r.nextBoolean() ? DayBoundary.of("UTC", "00:00")
                : DayBoundary.of("Europe/Prague", "00:00"), base.instruments(), base.profitSplitPct(), List.of(phase),
                tradingDay, daily, maxLoss, gate, inactivity, base.exposure());
    }
}
