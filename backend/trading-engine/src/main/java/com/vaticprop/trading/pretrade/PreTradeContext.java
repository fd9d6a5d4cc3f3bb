package com.vaticprop.trading.pretrade;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.ruleset.RuleSet;

import java.time.Instant;

/**
 * What the pre-trade checks look at: the rule set, the specs, the latest quote and market status of the order's
 * instrument, the account, and the time the order arrived.
 *
 * @param quote  latest quote for the instrument, {@code null} when none was ever received
 * @param status market status, {@code null} when never announced (treated as open)
 */
public record PreTradeContext(RuleSet ruleSet, InstrumentCatalog catalog, Quote quote, MarketStatus status,
                              Account account, Instant now, StalenessPolicy staleness) {
}
