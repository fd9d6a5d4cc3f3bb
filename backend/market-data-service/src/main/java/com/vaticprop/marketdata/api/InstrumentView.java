package com.vaticprop.marketdata.api;

import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.trading.instrument.InstrumentId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An instrument this deployment has seen: what it is, where its ticks go, and its market status. */
@Schema(name = "Instrument")
public record InstrumentView(
        String id,
        @Schema(description = "CRYPTO, POLYMARKET or KALSHI") String venue,
        @Schema(description = "CRYPTO or PREDICTION_MARKET") String assetClass,
        @Schema(description = "crypto symbol, Polymarket token id or Kalshi market ticker") String market,
        @Schema(description = "YES or NO for Kalshi; absent otherwise") String outcome,
        @Schema(description = "the Kafka topic its ticks are published on") String topic,
        @Schema(description = "OPEN, CLOSED or HALTED, when the venue reported one") String status,
        Instant statusAt,
        @Schema(description = "present once a prediction market resolved or was voided") MarketResolution resolution) {

    static InstrumentView of(InstrumentId id, String topic, MarketStatusChanged status, MarketResolution resolution) {
        return new InstrumentView(id.value(), id.venue().name(), id.assetClass().name(), id.market(),
                id.outcome() == null ? null : id.outcome().name(), topic,
                status == null ? null : status.status().name(), status == null ? null : status.at(), resolution);
    }
}
