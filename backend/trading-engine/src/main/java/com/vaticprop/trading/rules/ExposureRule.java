package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.ExposureLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Leverage in use: crypto gross notional against {@code equity × maxLeverage}. Price moves can push an account over
 * it; that blocks orders adding exposure (the pre-trade BUYING_POWER check) but never fails the phase. The per-order
 * limits (price band, per-market cost, position notional) are enforced pre-trade by
 * {@code pretrade.PreTradeChecks}. Distance is the notional still available; distance % its share of the capacity.
 */
public record ExposureRule(ExposureLimits limits) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.EXPOSURE;
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        AccountSnapshot s = ctx.account();
        BigDecimal capacity = Money.book(s.equity().multiply(limits.maxLeverage()));
        BigDecimal gross = Money.book(s.grossCryptoNotional());
        boolean over = gross.compareTo(capacity) > 0;
        Verdict verdict = over ? Verdict.BREACH : Verdict.OK;
        BigDecimal leverage = s.equity().signum() > 0
                ? gross.divide(s.equity(), Money.RATIO_SCALE, RoundingMode.HALF_EVEN) : null;
        BigDecimal distance = Money.book(capacity.subtract(gross));
        String explanation = "gross notional " + Checks.plain(gross) + (over ? " > " : " ≤ ") + "equity × "
                + Checks.plain(limits.maxLeverage()) + " = " + Checks.plain(capacity) + " → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("grossNotional", gross, "equity", s.equity(), "maxLeverage", limits.maxLeverage()),
                limits.maxLeverage(), leverage, "EQUITY " + Checks.plain(s.equity()),
                ctx.ruleSet().dayBoundary().zone(), Unit.RATIO, distance, Money.percent(distance, capacity),
                explanation);
    }
}
