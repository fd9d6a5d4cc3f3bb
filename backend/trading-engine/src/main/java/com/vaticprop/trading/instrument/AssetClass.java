package com.vaticprop.trading.instrument;

/** Decides the trading model: crypto is linear long/short on margin, prediction shares are long-only and fully paid. */
public enum AssetClass {
    CRYPTO,
    PREDICTION_MARKET
}
