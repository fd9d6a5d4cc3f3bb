package com.vaticprop.risk.kernel;

import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.Units;
import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.assessment.FailureReason;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.Rule;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleEngine;
import com.vaticprop.trading.rules.Rules;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.RuleSetDocument;
import com.vaticprop.trading.ruleset.RuleSetValidator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second cross-check: the account states are not built by the test but by the trading engine's own
 * {@link Account}, driven the way a trader produces a flat day — buy at the open, the book marks the position at the
 * day's two extremes (in the kernel's order), sell at the close, {@link Account#closeDay} at the boundary — and judged
 * by {@link RuleEngine} at POST_FILL, QUOTE and DAY_ROLL exactly as {@code AssessmentEngine} does (the closing day's
 * snapshot taken before the close). Peak equity, highest close balance, best day, trading days (by fill notional),
 * last trade day and the day anchors are the engine's bookkeeping. Flat days (no carry, balance moving only at the
 * close) are what round-trip, parametric and most day samples produce; days with carry are covered by
 * {@link KernelCrossCheckTest}.
 */
class AccountReplayCrossCheckTest {
    static final int PATHS = 3_000;
    static final InstrumentId BTC = InstrumentId.of("BTC-USD");

    @Test
    void kernelAgreesWithTheEnginesAccountOnFlatDays() {
        List<String> mismatches = new ArrayList<>();
        IntStream.range(0, PATHS).parallel().forEach(i -> {
            SplittableRandom random = new SplittableRandom(777L * 1_000_003 + i);
            RuleSet rs = withTradingDayNotional(KernelCrossCheckTest.randomRuleSet(random));
            int horizon = 1 + random.nextInt(20);
            DayTable days = flatDays(random, horizon, Units.of(rs.initialBalance()));
            PathKernel kernel = new PathKernel(KernelRules.compile(rs, rs.phase(0), rs.initialBalance()));
            PathOutcome got = PathOutcome.of(kernel.run(new ReplayStream(days), random, horizon, null, 0, 0));
            EngineReference.Verdict expected = judge(rs, days, horizon);
            if (got != expected.outcome() || kernel.day != expected.day()) {
                synchronized (mismatches) {
                    mismatches.add("path " + i + ": kernel " + got + " day " + kernel.day + ", engine " + expected);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    /** A trading day needs a fill of 10% of the initial balance: small positions make active, non-trading days. */
    static RuleSet withTradingDayNotional(RuleSet rs) {
        RuleSetDocument d = RuleSetDocument.from(rs);
        return RuleSetValidator.validate(new RuleSetDocument(d.initialBalance(), d.currency(), d.dayBoundary(),
                d.instruments(), d.profitSplitPct(), d.phases(), new RuleSetDocument.TradingDayDoc("10"),
                d.dailyLoss(), d.maxLoss(), d.consistency(), d.inactivityDays(), d.exposure())).orThrow();
    }

    /** Flat days: idle (no fill, nothing moves), active below the trading-day notional, or trading days. */
    static DayTable flatDays(SplittableRandom r, int n, long initial) {
        DayTable random = KernelCrossCheckTest.randomDays(r, n, initial);
        DayTable t = new DayTable(n);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(5); // 0 idle, 1 active only, else trading
            if (kind == 0) {
                t.set(i, 0, 0, 0, 0, 0, false, false);
            } else {
                t.set(i, random.pnl[i], random.low[i], random.high[i], 0, 0, kind > 1, true);
            }
        }
        return t;
    }

    static EngineReference.Verdict judge(RuleSet rs, DayTable t, int horizon) {
        var phase = rs.phase(0);
        List<Rule> rules = Rules.forPhase(rs, phase);
        BigDecimal init = Money.book(rs.initialBalance());
        BigDecimal minNotional = Money.pctOf(rs.tradingDay().minTradeNotionalPctOfInitial(), init);
        Account account = new Account("A", init, minNotional, EngineReference.START);
        for (int d = 1; d <= horizon; d++) {
            int row = d - 1;
            LocalDate day = EngineReference.START.plusDays(d - 1);
            Instant start = rs.dayBoundary().startOf(day);
            boolean active = (t.flags[row] & DayTable.ACTIVE) != 0;
            boolean trading = (t.flags[row] & DayTable.TRADING) != 0;
            // trading: 1 BTC at 1,000,000 (notional ≥ 10% of any initial); active only: 0.001 BTC worth 4% of the
            // initial balance — still below 10% when sold after the best day the generator makes (+2.25% + cents),
            // and priced above the worst intraday low (3% + cents), so the mark stays positive
            BigDecimal qty = trading ? BigDecimal.ONE : new BigDecimal("0.001");
            BigDecimal price = trading ? new BigDecimal("1000000") : init.multiply(BigDecimal.valueOf(40));
            EvaluationPoint[] points = {EvaluationPoint.QUOTE, EvaluationPoint.QUOTE, EvaluationPoint.POST_FILL};
            long[] offsets = t.pnl[row] >= 0 ? new long[]{t.low[row], t.high[row], t.pnl[row]}
                    : new long[]{t.high[row], t.low[row], t.pnl[row]};
            if (active) {
                Instant at = start.plus(Duration.ofHours(1));
                account.applyFill(fill(Side.BUY, qty, price, at));
                EngineReference.Verdict v = evaluate(rs, phase, rules, account, EvaluationPoint.POST_FILL, at, d);
                if (v != null) {
                    return v;
                }
            }
            for (int p = 0; p < 3; p++) {
                Instant at = start.plus(Duration.ofHours(6L + 6 * p));
                if (active) {
                    BigDecimal px = price.add(Units.toMoney(offsets[p]).divide(qty));
                    if (p < 2) {
                        account.mark(Quote.top(BTC, px.toPlainString(), px.toPlainString(), "1", "1", at));
                    } else {
                        account.applyFill(fill(Side.SELL, qty, px, at));
                    }
                }
                EngineReference.Verdict v = evaluate(rs, phase, rules, account,
                        active ? points[p] : EvaluationPoint.TIMER, at, d);
                if (v != null) {
                    return v;
                }
            }
            LocalDate next = day.plusDays(1);
            AccountSnapshot before = account.snapshot();
            account.closeDay(next);
            Evaluation roll = RuleEngine.evaluate(rules, new RuleContext(rs, phase, account.snapshot(), before,
                    EvaluationPoint.DAY_ROLL, rs.dayBoundary().startOf(next)));
            EngineReference.Verdict v = verdict(roll, d);
            if (v != null) {
                return v;
            }
        }
        return new EngineReference.Verdict(PathOutcome.NO_VERDICT, horizon);
    }

    private static EngineReference.Verdict evaluate(RuleSet rs, com.vaticprop.trading.ruleset.Phase phase,
                                                    List<Rule> rules, Account account, EvaluationPoint point,
                                                    Instant at, int day) {
        return verdict(RuleEngine.evaluate(rules, RuleContext.at(rs, phase, account.snapshot(), point, at)), day);
    }

    private static EngineReference.Verdict verdict(Evaluation e, int day) {
        if (e.failure().isPresent()) {
            return new EngineReference.Verdict(switch (FailureReason.of(e.failure().get().rule())) {
                case DAILY_LOSS -> PathOutcome.DAILY_LOSS;
                case MAX_LOSS -> PathOutcome.MAX_LOSS;
                case TIME_LIMIT -> PathOutcome.TIME_LIMIT;
                case INACTIVITY -> PathOutcome.INACTIVITY;
                case ADMIN -> throw new IllegalStateException();
            }, day);
        }
        return e.passReady() ? new EngineReference.Verdict(PathOutcome.PASSED, day) : null;
    }

    private static int seq;

    private static synchronized Fill fill(Side side, BigDecimal qty, BigDecimal price, Instant at) {
        seq++;
        Quote q = Quote.top(BTC, price.toPlainString(), price.toPlainString(), "1", "1", at);
        return new Fill("T" + seq, "O" + seq, BTC, side, qty, price, BigDecimal.ZERO, q, at);
    }
}
