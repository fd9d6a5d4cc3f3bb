package com.vaticprop.trading.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What the engine must know to trade an instrument: its price grid, its quantity grid and its fee rule. The two
 * shapes differ in how positions are financed (margin vs. fully paid), which {@link #assetClass()} tells.
 */
public sealed interface Instrument {
    InstrumentId id();

    BigDecimal tickSize();

    BigDecimal lotSize();

    FeeModel feeModel();

    default AssetClass assetClass() {
        return id().assetClass();
    }

    default boolean onTick(BigDecimal price) {
        return price.remainder(tickSize()).signum() == 0;
    }

    default boolean onLot(BigDecimal qty) {
        return qty.remainder(lotSize()).signum() == 0;
    }

    /** Largest multiple of the lot size not above {@code qty} (a partial fill cannot trade a fraction of a lot). */
    default BigDecimal floorToLot(BigDecimal qty) {
        return qty.divide(lotSize(), 0, RoundingMode.FLOOR).multiply(lotSize());
    }

    /** Rounds a price to the tick in the direction that is worse for the trader (used for slippage). */
    default BigDecimal roundAdverse(BigDecimal price, boolean buying) {
        RoundingMode mode = buying ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return price.divide(tickSize(), 0, mode).multiply(tickSize());
    }

    /** Linear crypto pair: P&L {@code qty × (mark − entry)}, long or short, taker fee in bps. */
    record Crypto(InstrumentId id, BigDecimal tickSize, BigDecimal lotSize, FeeModel feeModel) implements Instrument {
        public Crypto {
            Objects.requireNonNull(id, "id");
            if (id.assetClass() != AssetClass.CRYPTO) {
                throw new IllegalArgumentException(id + " is not a crypto instrument");
            }
            positive(tickSize, "tickSize");
            positive(lotSize, "lotSize");
            Objects.requireNonNull(feeModel, "feeModel");
        }
    }

    /**
     * One outcome share of a binary market, priced 0–1, paying 1 if it wins. {@code marketKey} groups the outcomes of
     * one market for the per-market cost cap (for Kalshi the ticker; for Polymarket the condition id when known).
     */
    record OutcomeShare(InstrumentId id, String marketKey, BigDecimal tickSize, BigDecimal lotSize, FeeModel feeModel)
            implements Instrument {
        public OutcomeShare {
            Objects.requireNonNull(id, "id");
            if (id.assetClass() != AssetClass.PREDICTION_MARKET) {
                throw new IllegalArgumentException(id + " is not a prediction-market share");
            }
            Objects.requireNonNull(marketKey, "marketKey");
            positive(tickSize, "tickSize");
            positive(lotSize, "lotSize");
            Objects.requireNonNull(feeModel, "feeModel");
        }

        public OutcomeShare withTickSize(BigDecimal tick) {
            return new OutcomeShare(id, marketKey, tick, lotSize, feeModel);
        }
    }

    private static void positive(BigDecimal v, String name) {
        Objects.requireNonNull(v, name);
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }
}
