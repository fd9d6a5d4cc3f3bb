package com.vaticprop.core.trading;

import io.swagger.v3.oas.annotations.media.Schema;

/** An order as a trader submits it; decimals are strings so no client float ever rounds a price. */
@Schema(name = "OrderRequest")
record OrderCommand(
        @Schema(example = "BTC-USD") String instrument,
        @Schema(allowableValues = {"BUY", "SELL"}) String side,
        @Schema(allowableValues = {"MARKET", "LIMIT", "STOP"}) String type,
        @Schema(example = "0.05") String qty,
        @Schema(description = "LIMIT orders") String limitPrice,
        @Schema(description = "STOP orders (a market order once the stop price trades)") String stopPrice,
        @Schema(allowableValues = {"GTC", "IOC"}, description = "default GTC") String tif,
        Boolean reduceOnly) {
}
