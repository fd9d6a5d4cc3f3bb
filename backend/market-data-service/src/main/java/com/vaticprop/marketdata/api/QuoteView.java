package com.vaticprop.marketdata.api;

import com.vaticprop.marketdata.publish.StalenessPolicy;
import com.vaticprop.marketdata.quote.StoredQuote;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.trading.instrument.InstrumentId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** One instrument's latest quote as the REST API shows it (decimals are JSON strings). */
@Schema(name = "Quote")
public record QuoteView(
        String instrument,
        @Schema(description = "where the quote came from: binance, coinbase, polymarket, kalshi, simulated, …")
        String venue,
        BigDecimal bid, BigDecimal ask, BigDecimal bidSize, BigDecimal askSize, BigDecimal last, BigDecimal lastSize,
        @Schema(description = "the venue's own timestamp of the quote") Instant venueTs,
        @Schema(description = "when the quote was (re-)published") Instant receivedTs,
        Long venueSeq,
        @Schema(description = "when the venue last confirmed this book (a new quote or a heartbeat)")
        Instant confirmedAt,
        @Schema(description = "milliseconds since confirmedAt") long ageMs,
        @Schema(description = "ageMs exceeds staleAfterMs: do not trade on this quote") boolean stale,
        @Schema(description = "the staleness bound of the instrument's asset class") long staleAfterMs) {

    static QuoteView of(StoredQuote quote, Instant now, StalenessPolicy staleness) {
        MarketTick t = quote.tick();
        long bound = InstrumentId.parse(t.instrument()).map(id -> staleness.bound(id.assetClass()))
                .orElse(staleness.cryptoBound()).toMillis();
        long age = Math.max(0, Duration.between(quote.confirmedAt(), now).toMillis());
        return new QuoteView(t.instrument(), t.venue(), t.bid(), t.ask(), t.bidSize(), t.askSize(), t.last(),
                t.lastSize(), t.venueTs(), t.receivedTs(), t.venueSeq(), quote.confirmedAt(), age, age > bound,
                bound);
    }
}
