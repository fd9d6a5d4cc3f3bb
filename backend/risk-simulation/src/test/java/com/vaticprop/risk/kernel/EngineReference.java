package com.vaticprop.risk.kernel;

import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.Units;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.assessment.FailureReason;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.rules.Evaluation;
import com.vaticprop.trading.rules.EvaluationPoint;
import com.vaticprop.trading.rules.Rule;
import com.vaticprop.trading.rules.RuleContext;
import com.vaticprop.trading.rules.RuleEngine;
import com.vaticprop.trading.rules.Rules;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The straightforward judge the kernel is checked against: the same simulated days, turned into the account states
 * the trading engine would hold at each point (BigDecimal {@link AccountSnapshot}s: balance, equity, day anchors, peak
 * equity, highest close balance, trading days, best day, last trade day), judged by the engine's own rule catalogue
 * ({@link Rules#forPhase}) and {@link RuleEngine#evaluate} at QUOTE (intraday points), POST_FILL (the close) and
 * DAY_ROLL (the boundary, with the closed day's snapshot), with the engine's reading of an evaluation: a failure ends
 * the path with {@link FailureReason#of} its rule; otherwise pass-ready passes it.
 */
final class EngineReference {
    static final LocalDate START = LocalDate.parse("2026-03-02");

    record Verdict(PathOutcome outcome, int day) {
    }

    private final RuleSet ruleSet;
    private final Phase phase;
    private final List<Rule> rules;
    private final BigDecimal init;

    EngineReference(RuleSet ruleSet, int phase) {
        this.ruleSet = ruleSet;
        this.phase = ruleSet.phase(phase);
        this.rules = Rules.forPhase(ruleSet, this.phase);
        this.init = Money.book(ruleSet.initialBalance());
    }

    Verdict judge(DayTable t, int horizon) {
        BigDecimal e = init;
        BigDecimal b = init;
        BigDecimal peak = init;
        BigDecimal hcb = init;
        BigDecimal bestClosed = null;
        int tradingDays = 0;
        LocalDate lastTrade = null;
        for (int d = 1; d <= horizon; d++) {
            int r = d - 1;
            LocalDate day = START.plusDays(d - 1);
            Instant dayStart = ruleSet.dayBoundary().startOf(day);
            BigDecimal pnl = m(t.pnl[r]);
            BigDecimal carry = m(t.carry[r]);
            BigDecimal eClose = e.add(pnl);
            BigDecimal bClose = eClose.subtract(carry);
            BigDecimal bLow = b.add(m(t.balLow[r]));
            BigDecimal eLow = e.add(m(t.low[r]));
            BigDecimal eHigh = e.add(m(t.high[r]));
            boolean winning = t.pnl[r] >= 0;
            BigDecimal[][] points = winning
                    ? new BigDecimal[][]{{eLow, bLow}, {eHigh, bLow}}
                    : new BigDecimal[][]{{eHigh, b}, {eLow, bLow}};
            for (int i = 0; i < 2; i++) {
                BigDecimal pe = points[i][0];
                peak = Money.max(peak, pe);
                AccountSnapshot s = snapshot(points[i][1], pe, 1, day, b, e, peak, hcb, tradingDays, false,
                        best(bestClosed, pe.subtract(e)), lastTrade);
                Evaluation ev = RuleEngine.evaluate(rules, RuleContext.at(ruleSet, phase, s, EvaluationPoint.QUOTE,
                        dayStart.plus(Duration.ofHours(6 + 6L * i))));
                if (ev.failure().isPresent()) {
                    return failed(ev, d);
                }
            }
            peak = Money.max(peak, eClose);
            boolean trading = (t.flags[r] & DayTable.TRADING) != 0;
            if (trading) {
                tradingDays++;
            }
            if ((t.flags[r] & DayTable.ACTIVE) != 0) {
                lastTrade = day;
            }
            AccountSnapshot close = snapshot(bClose, eClose, carry.signum() == 0 ? 0 : 1, day, b, e, peak, hcb,
                    tradingDays, trading, best(bestClosed, pnl), lastTrade);
            Evaluation ev = RuleEngine.evaluate(rules, RuleContext.at(ruleSet, phase, close,
                    EvaluationPoint.POST_FILL, dayStart.plus(Duration.ofHours(23))));
            if (ev.failure().isPresent()) {
                return failed(ev, d);
            }
            if (ev.passReady()) {
                return new Verdict(PathOutcome.PASSED, d);
            }
            hcb = Money.max(hcb, bClose);
            bestClosed = best(bestClosed, pnl);
            LocalDate next = day.plusDays(1);
            AccountSnapshot after = snapshot(bClose, eClose, carry.signum() == 0 ? 0 : 1, next, bClose, eClose, peak,
                    hcb, tradingDays, false, Money.max(bestClosed, BigDecimal.ZERO), lastTrade);
            Evaluation roll = RuleEngine.evaluate(rules, new RuleContext(ruleSet, phase, after, close,
                    EvaluationPoint.DAY_ROLL, ruleSet.dayBoundary().startOf(next)));
            if (roll.failure().isPresent()) {
                return failed(roll, d);
            }
            if (roll.passReady()) {
                return new Verdict(PathOutcome.PASSED, d);
            }
            e = eClose;
            b = bClose;
        }
        return new Verdict(PathOutcome.NO_VERDICT, horizon);
    }

    private static BigDecimal best(BigDecimal closed, BigDecimal today) {
        return closed == null ? today : Money.max(closed, today);
    }

    private static Verdict failed(Evaluation ev, int day) {
        FailureReason reason = FailureReason.of(ev.failure().get().rule());
        return new Verdict(switch (reason) {
            case DAILY_LOSS -> PathOutcome.DAILY_LOSS;
            case MAX_LOSS -> PathOutcome.MAX_LOSS;
            case TIME_LIMIT -> PathOutcome.TIME_LIMIT;
            case INACTIVITY -> PathOutcome.INACTIVITY;
            case ADMIN -> throw new IllegalStateException("ADMIN");
        }, day);
    }

    private AccountSnapshot snapshot(BigDecimal balance, BigDecimal equity, int open, LocalDate day,
                                     BigDecimal openBalance, BigDecimal openEquity, BigDecimal peak, BigDecimal hcb,
                                     int tradingDays, boolean todayTrading, BigDecimal best, LocalDate lastTrade) {
        BigDecimal unrealized = equity.subtract(balance);
        return new AccountSnapshot(init, balance, balance, equity, unrealized, balance.subtract(init), Money.ZERO,
                Money.ZERO, open, START, day, openBalance, openEquity, equity, equity, Money.max(peak, equity), hcb,
                tradingDays, todayTrading, best, lastTrade, BigDecimal.ZERO);
    }

    private static BigDecimal m(long units) {
        return Units.toMoney(units);
    }
}
