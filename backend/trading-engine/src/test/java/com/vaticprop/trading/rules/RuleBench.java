package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.ruleset.DayBoundary;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal driver for rule tests: an account under a rule set whose days roll at the tier's boundary, with every
 * roll evaluated at DAY_ROLL. Fills are fee-free and marked at the fill price unless a quote says otherwise.
 */
final class RuleBench {
    final RuleSet ruleSet;
    final Phase phase;
    final Account account;
    final DayBoundary boundary;
    List<Rule> rules;
    final List<Evaluation> rolls = new ArrayList<>();
    private int seq;

    RuleBench(RuleSet ruleSet, Instant start) {
        this.ruleSet = ruleSet;
        this.phase = ruleSet.phase(0);
        this.boundary = ruleSet.dayBoundary();
        this.account = new Account("A", ruleSet.initialBalance(),
                Money.pctOf(ruleSet.tradingDay().minTradeNotionalPctOfInitial(), ruleSet.initialBalance()),
                boundary.dayOf(start));
        this.rules = Rules.forPhase(ruleSet, phase);
    }

    /** Rolls every day boundary up to and including {@code at}. */
    RuleBench advance(Instant at) {
        while (true) {
            LocalDate next = account.day().plusDays(1);
            Instant boundaryAt = boundary.startOf(next);
            if (boundaryAt.isAfter(at)) {
                return this;
            }
            AccountSnapshot before = account.snapshot();
            account.closeDay(next);
            rolls.add(RuleEngine.evaluate(rules, new RuleContext(ruleSet, phase, account.snapshot(), before,
                    EvaluationPoint.DAY_ROLL, boundaryAt)));
        }
    }

    Evaluation trade(String instrument, Side side, String qty, String price, Instant at) {
        advance(at);
        InstrumentId id = InstrumentId.of(instrument);
        Quote q = Quote.top(id, price, price, qty, qty, at);
        seq++;
        account.applyFill(new Fill("T" + seq, "O" + seq, id, side, new BigDecimal(qty), new BigDecimal(price),
                Money.ZERO, q, at));
        return evaluate(EvaluationPoint.POST_FILL, at);
    }

    Evaluation quote(String instrument, String bid, String ask, Instant at) {
        advance(at);
        account.mark(Quote.top(InstrumentId.of(instrument), bid, ask, "1", "1", at));
        return evaluate(EvaluationPoint.QUOTE, at);
    }

    Evaluation evaluate(EvaluationPoint point, Instant at) {
        advance(at);
        return RuleEngine.evaluate(rules, RuleContext.at(ruleSet, phase, account.snapshot(), point, at));
    }

    Evaluation lastRoll() {
        return rolls.get(rolls.size() - 1);
    }

    static RuleCheck check(Evaluation e, RuleName rule) {
        return e.check(rule).orElseThrow();
    }
}
