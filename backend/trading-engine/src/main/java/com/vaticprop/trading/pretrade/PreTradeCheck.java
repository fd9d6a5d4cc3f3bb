package com.vaticprop.trading.pretrade;

/** The named checks an order must pass before it is accepted; a rejection always names exactly one. */
public enum PreTradeCheck {
    ASSESSMENT_ACTIVE,
    INSTRUMENT_ALLOWED,
    ORDER_VALID,
    DUPLICATE_ORDER,
    MARKET_OPEN,
    QUOTE_FRESH,
    LONG_ONLY,
    REDUCE_ONLY,
    PRICE_BAND,
    COLLATERAL,
    BUYING_POWER,
    POSITION_NOTIONAL,
    MARKET_COST
}
