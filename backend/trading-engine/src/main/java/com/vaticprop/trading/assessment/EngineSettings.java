package com.vaticprop.trading.assessment;

import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.order.SlippageModel;

import java.util.Objects;

/** Platform configuration the engine is given (never reads): instrument specs, slippage, staleness bounds. */
public record EngineSettings(InstrumentCatalog catalog, SlippageModel slippage, StalenessPolicy staleness) {
    public EngineSettings {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(staleness, "staleness");
    }
}
