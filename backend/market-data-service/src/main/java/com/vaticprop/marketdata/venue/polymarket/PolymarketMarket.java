package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.platform.events.data.MarketStatusChanged;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the REST APIs say about one Polymarket market (a condition with its outcome tokens).
 *
 * @param conditionId the market's condition id
 * @param status      OPEN when accepting orders, CLOSED when closed, HALTED when open but not accepting orders
 * @param resolved    whether the outcome is final (settlement prices are then set on the tokens)
 * @param tokens      the outcome tokens
 */
public record PolymarketMarket(String conditionId, MarketStatusChanged.Status status, boolean resolved,
                               List<Token> tokens) {

    /** One outcome token; {@code settlement} is its price in [0,1] once resolved (0.5 each for a 50-50 market). */
    public record Token(String tokenId, String outcome, BigDecimal settlement) {
    }

    static MarketStatusChanged.Status status(boolean closed, boolean acceptingOrders) {
        if (closed) {
            return MarketStatusChanged.Status.CLOSED;
        }
        return acceptingOrders ? MarketStatusChanged.Status.OPEN : MarketStatusChanged.Status.HALTED;
    }
}
