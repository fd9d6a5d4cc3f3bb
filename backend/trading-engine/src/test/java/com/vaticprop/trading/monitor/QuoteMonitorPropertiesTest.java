package com.vaticprop.trading.monitor;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.Rule;
import com.vaticprop.trading.rules.RuleCheck;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleEngine;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.rules.Rules;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.vaticprop.trading.fixtures.RandomInputs.allowance;
import static com.vaticprop.trading.fixtures.RandomInputs.pick;
import static com.vaticprop.trading.fixtures.RandomInputs.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote monitor against the straightforward path — {@link Account#mark(Quote)} then {@link RuleEngine} at
 * {@link EvaluationPoint#QUOTE} — on random accounts (long and short BTC-USD positions built from random fills over
 * several days, other open positions, fees), random rule sets (every daily-loss and max-loss variant, duration and
 * inactivity limits) and random quote sequences interleaved with fills and day rolls (after which the caller refreshes
 * or deactivates the account's slot): the same breach or not, the same reason and threshold, and the same
 * equity, peak and day range after every quote.
 */
class QuoteMonitorPropertiesTest {
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final InstrumentId ETH = InstrumentId.of("ETH-USD");
    private static final LocalDate START = LocalDate.parse("2026-03-26"); // Prague switches to DST on 03-29

    @Property(tries = 400)
    void sameVerdictsAsAccountPlusRuleEngine(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int accounts,
                                             @ForAll @IntRange(min = 1, max = 16) int quotes) {
        Random r = new Random(seed);
        BigDecimal btc = price(r, 20_000, 120_000);
        DayBoundary boundary = r.nextBoolean() ? DayBoundary.of("UTC", "00:00")
                : DayBoundary.of("Europe/Prague", "00:00");
        int days = r.nextInt(6);
        LocalDate today = START.plusDays(days);
        QuoteMonitor monitor = new QuoteMonitor(BTC, r.nextInt(3) == 0 ? 2 : 4, 4);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            Case c = randomCase(r, "A" + i, boundary, days, btc);
            c.slot = monitor.register(c.id, c.ruleSet, c.phase, c.account);
            cases.add(c);
        }
        BigDecimal mid = btc;
        LocalDate day = today;
        Instant at = boundary.startOf(day).plusSeconds(60);
        for (int k = 0; k < quotes; k++) {
            int action = r.nextInt(10);
            if (action == 0) { // the day rolls for every account; the caller refreshes them
                day = day.plusDays(1);
                at = boundary.startOf(day).plusSeconds(r.nextInt(3600));
                for (Case c : cases) {
                    c.account.closeDay(day);
                    if (monitor.active(c.slot)) {
                        monitor.refresh(c.slot, c.account);
                    }
                }
                Statistics.label("between quotes").collect("day roll");
            } else if (action <= 2) { // a fill in one account; the caller refreshes (or deactivates) its slot
                Case c = cases.get(r.nextInt(cases.size()));
                at = at.plusSeconds(1);
                if (at.isBefore(boundary.startOf(day.plusDays(1)))) {
                    fill(r, c.account, r.nextBoolean() ? BTC : ETH, mid, c.ruleSet.initialBalance(), at);
                    if (c.account.position(BTC).isPresent()) {
                        monitor.refresh(c.slot, c.account);
                    } else {
                        monitor.deactivate(c.slot);
                    }
                    Statistics.label("between quotes").collect("fill");
                }
            }
            Instant dayEnd = boundary.startOf(day.plusDays(1));
            long left = java.time.Duration.between(at, dayEnd).toSeconds();
            if (left <= 1) {
                continue;
            }
            at = at.plusSeconds(1 + r.nextInt((int) Math.min(left - 1, 4 * 3600)));
            mid = mid.multiply(BigDecimal.valueOf(0.6 + 0.8 * r.nextDouble())).setScale(r.nextInt(5) == 0 ? 6 : 2,
                    java.math.RoundingMode.HALF_EVEN).max(new BigDecimal("1"));
            BigDecimal ask = mid.add(BigDecimal.valueOf(r.nextInt(5000), 2));
            Quote q = new Quote(BTC, "test", mid, ask, BigDecimal.ONE, BigDecimal.ONE, at, at, null, null);

            monitor.onQuote(q);
            for (Case c : cases) {
                c.account.mark(q);
                if (c.account.position(BTC).isEmpty()) { // the engine evaluates nothing at QUOTE
                    assertThat(monitor.verdict(c.slot).breached()).isFalse();
                    continue;
                }
                RuleContext ctx = RuleContext.at(c.ruleSet, c.phase, c.account.snapshot(), EvaluationPoint.QUOTE, at);
                Evaluation e = RuleEngine.evaluate(c.rules, ctx);
                // the engine's cheap quote-time judgement (no checks built) agrees with the full evaluation
                assertThat(RuleEngine.anyHardLimitBreached(c.rules, ctx)).as(c.describe() + " at " + at)
                        .isEqualTo(e.failure().isPresent());
                QuoteMonitor.Verdict v = monitor.verdict(c.slot);
                Statistics.label("verdict").collect(e.failure().map(f -> f.rule().name()).orElse("none"));
                Statistics.label("account").collect(monitor.fixedPoint(c.slot) ? "fixed-point" : "BigDecimal",
                        c.account.position(BTC).orElseThrow().isLong() ? "long" : "short");
                String where = c.describe() + " quote " + mid + "/" + ask + " at " + at;
                assertThat(v.reason()).as(where).isEqualTo(e.failure().map(RuleCheck::rule).orElse(null));
                e.failure().ifPresent(f -> assertThat(v.threshold()).as(where)
                        .isEqualByComparingTo(f.threshold()));
                assertThat(e.passReady()).as(where).isFalse(); // a held position never passes
                AccountSnapshot s = c.account.snapshot();
                assertThat(monitor.equity(c.slot)).as(where).isEqualByComparingTo(s.equity());
                assertThat(monitor.peakEquity(c.slot)).as(where).isEqualByComparingTo(s.peakEquity());
                assertThat(monitor.dayMinEquity(c.slot)).as(where).isEqualByComparingTo(s.dayMinEquity());
                assertThat(monitor.dayMaxEquity(c.slot)).as(where).isEqualByComparingTo(s.dayMaxEquity());
            }
            int breached = (int) cases.stream().filter(c -> monitor.verdict(c.slot).breached()).count();
            assertThat(monitor.breachCount()).isEqualTo(breached);
        }
    }

    @net.jqwik.api.Example
    void aTieBetweenFloorsIsReportedAsTheDailyLossLikeTheEngine() {
        RuleSet base = Tiers.cryptoTwoStep100k();
        BigDecimal initial = new BigDecimal("100000");
        Phase phase = base.phase(0);
        for (MaxLossMode mode : MaxLossMode.values()) {
            RuleSet rs = new RuleSet(initial, "USD", base.dayBoundary(), base.instruments(), base.profitSplitPct(),
                    List.of(phase), base.tradingDay(), new DailyLossLimit(new LossAllowance.Percent(BigDecimal.TEN),
                    LimitBasis.INITIAL_BALANCE, DayAnchor.PRIOR_DAY_BALANCE, true, DailyEvaluation.INTRADAY),
                    new MaxLossLimit(new LossAllowance.Amount(new BigDecimal("10000")), mode, false, BigDecimal.ZERO),
                    null, null, base.exposure());
            Instant at = rs.dayBoundary().startOf(START).plusSeconds(3600);
            Account account = new Account("A", initial, BigDecimal.ZERO, START);
            Quote entry = Quote.top(BTC, "50000", "50000", "10", "10", at);
            account.applyFill(new Fill("T", "O", BTC, Side.BUY, new BigDecimal("2"), new BigDecimal("50000"),
                    BigDecimal.ZERO, entry, at));
            QuoteMonitor monitor = new QuoteMonitor(BTC, 4);
            monitor.register("A", rs, phase, account);
            for (String bid : List.of("45000.01", "45000", "44000")) { // equity 90000.02, exactly 90000, below
                Quote q = Quote.top(BTC, bid, bid, "1", "1", at = at.plusSeconds(1));
                monitor.onQuote(q);
                account.mark(q);
                Evaluation e = RuleEngine.evaluate(Rules.forPhase(rs, phase), RuleContext.at(rs, phase,
                        account.snapshot(), EvaluationPoint.QUOTE, at));
                assertThat(monitor.verdict(0).reason()).as(mode + " " + bid)
                        .isEqualTo(e.failure().map(RuleCheck::rule).orElse(null));
                assertThat(monitor.verdict(0).reason()).as(mode + " " + bid)
                        .isEqualTo(bid.equals("45000.01") ? null : RuleName.DAILY_LOSS);
            }
        }
    }

    @Property(tries = 50)
    void anOlderQuoteIsIgnoredAndAQuotePastTheDayIsRefused(@ForAll long seed) {
        Random r = new Random(seed);
        BigDecimal btc = price(r, 20_000, 120_000);
        DayBoundary boundary = DayBoundary.of("UTC", "00:00");
        Case c = randomCase(r, "A", boundary, 0, btc);
        QuoteMonitor monitor = new QuoteMonitor(BTC, 1);
        monitor.register(c.id, c.ruleSet, c.phase, c.account);
        Instant t = boundary.startOf(START).plusSeconds(3600);
        monitor.onQuote(btc, btc, t);
        BigDecimal equity = monitor.equity(0);
        assertThat(monitor.onQuote(BigDecimal.ONE, BigDecimal.ONE, t.minusSeconds(1))).isZero();
        assertThat(monitor.equity(0)).isEqualByComparingTo(equity);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> monitor.onQuote(btc, btc, boundary.startOf(START.plusDays(1))))
                .isInstanceOf(IllegalStateException.class);
    }

    // --------------------------------------------------------------------------------------------- generators

    private static final class Case {
        String id;
        RuleSet ruleSet;
        Phase phase;
        List<Rule> rules;
        Account account;
        int slot;

        String describe() {
            AccountSnapshot s = account.snapshot();
            return id + " " + ruleSet.dailyLoss() + " " + ruleSet.maxLoss() + " " + phase + " inactivity "
                    + ruleSet.inactivityDays() + " positions " + account.positions() + " snapshot " + s;
        }
    }

    private static Case randomCase(Random r, String id, DayBoundary boundary, int days, BigDecimal btc) {
        RuleSet base = Tiers.cryptoTwoStep100k();
        BigDecimal initial = BigDecimal.valueOf(10_000L * (1 + r.nextInt(20)));
        DailyLossLimit daily = r.nextInt(5) == 0 ? null : new DailyLossLimit(allowance(r, initial),
                pick(r, LimitBasis.values()), pick(r, DayAnchor.values()), r.nextInt(4) != 0,
                r.nextInt(4) == 0 ? DailyEvaluation.END_OF_DAY : DailyEvaluation.INTRADAY);
        MaxLossMode mode = pick(r, MaxLossMode.values());
        boolean lock = mode != MaxLossMode.STATIC && r.nextBoolean();
        MaxLossLimit maxLoss = new MaxLossLimit(allowance(r, initial), mode, lock,
                BigDecimal.valueOf(r.nextInt(50_000), 2));
        Phase phase = new Phase("P", BigDecimal.TEN, 3, r.nextBoolean() ? null : 1 + r.nextInt(8));
        Integer inactivity = r.nextBoolean() ? null : 1 + r.nextInt(4);
        RuleSet rs = new RuleSet(initial, "USD", boundary, base.instruments(), base.profitSplitPct(), List.of(phase),
                base.tradingDay(), daily, maxLoss, null, inactivity, base.exposure());
        Case c = new Case();
        c.id = id;
        c.ruleSet = rs;
        c.phase = phase;
        c.rules = Rules.forPhase(rs, phase);
        c.account = new Account(id, initial, BigDecimal.ZERO, START);
        BigDecimal eth = price(r, 1_000, 5_000);
        LocalDate day = START;
        for (int d = 0; d <= days; d++) {
            Instant at = boundary.startOf(day).plusSeconds(60);
            int events = r.nextInt(4);
            for (int e = 0; e < events; e++) {
                btc = walk(r, btc);
                eth = walk(r, eth);
                switch (r.nextInt(4)) {
                    case 0, 1 -> fill(r, c.account, BTC, btc, initial, at);
                    case 2 -> fill(r, c.account, ETH, eth, initial, at);
                    default -> {
                        c.account.mark(quote(r, BTC, btc, at));
                        c.account.mark(quote(r, ETH, eth, at));
                    }
                }
            }
            if (d < days) {
                day = day.plusDays(1);
                c.account.closeDay(day);
            }
        }
        if (c.account.position(BTC).isEmpty()) {
            fill(r, c.account, BTC, btc, initial, boundary.startOf(day).plusSeconds(120));
        }
        return c;
    }

    private static void fill(Random r, Account account, InstrumentId id, BigDecimal mid, BigDecimal initial,
                             Instant at) {
        int qtyScale = r.nextInt(6) == 0 ? 6 : 4;
        // notional up to ~3x the initial balance, so floors are within reach of the quotes
        double maxQty = initial.doubleValue() * 3 / mid.doubleValue();
        BigDecimal qty = BigDecimal.valueOf(Math.max(1e-4, maxQty * r.nextDouble()))
                .setScale(qtyScale, java.math.RoundingMode.DOWN).max(BigDecimal.ONE.movePointLeft(qtyScale));
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        BigDecimal price = mid.setScale(r.nextInt(8) == 0 ? 5 : 2, java.math.RoundingMode.HALF_EVEN);
        BigDecimal fee = Money.book(qty.multiply(price).multiply(new BigDecimal("0.001")));
        Quote q = quote(r, id, price, at);
        account.applyFill(new Fill("T", "O", id, side, qty, price, fee, q, at));
    }

    private static Quote quote(Random r, InstrumentId id, BigDecimal mid, Instant at) {
        BigDecimal bid = mid.setScale(2, java.math.RoundingMode.HALF_EVEN);
        return new Quote(id, "test", bid, bid.add(BigDecimal.valueOf(r.nextInt(1000), 2)), BigDecimal.ONE,
                BigDecimal.ONE, at, at, null, null);
    }

    private static BigDecimal walk(Random r, BigDecimal p) {
        return p.multiply(BigDecimal.valueOf(0.9 + 0.2 * r.nextDouble())).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
