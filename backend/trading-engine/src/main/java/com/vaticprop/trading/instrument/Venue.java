package com.vaticprop.trading.instrument;

/** Where an instrument's prices and fee rules come from. */
public enum Venue {
    CRYPTO(AssetClass.CRYPTO),
    POLYMARKET(AssetClass.PREDICTION_MARKET),
    KALSHI(AssetClass.PREDICTION_MARKET);

    private final AssetClass assetClass;

    Venue(AssetClass assetClass) {
        this.assetClass = assetClass;
    }

    public AssetClass assetClass() {
        return assetClass;
    }
}
