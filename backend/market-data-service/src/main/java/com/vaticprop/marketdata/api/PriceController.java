package com.vaticprop.marketdata.api;

import com.vaticprop.marketdata.publish.PublishingPipeline;
import com.vaticprop.marketdata.publish.TickRoute;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Public reads of the latest-price cache. Answers come from Redis, not from this instance's memory, so every replica
 * answers the same whichever of them runs the feeds.
 */
@RestController
@Tag(name = "prices")
class PriceController {

    private final QuoteCache cache;
    private final PublishingPipeline pipeline;
    private final Clock clock;

    PriceController(QuoteCache cache, PublishingPipeline pipeline, Clock clock) {
        this.cache = cache;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @GetMapping("/instruments")
    @Operation(summary = "Public: every instrument with a quote, status or resolution, sorted by id")
    List<InstrumentView> instruments() {
        Map<String, MarketStatusChanged> statuses = cache.statuses();
        Map<String, MarketResolution> resolutions = cache.resolutions();
        return cache.instruments().stream()
                .flatMap(id -> TickRoute.of(id).stream())
                .map(r -> InstrumentView.of(r.id(), r.topic().topicName(), statuses.get(r.id().value()),
                        resolutions.get(r.id().value())))
                .toList();
    }

    @GetMapping("/prices")
    @Operation(summary = "Public: the latest quote of every instrument, with its age and staleness")
    List<QuoteView> prices() {
        Instant now = clock.instant();
        return cache.all().stream().map(q -> QuoteView.of(q, now, pipeline.staleness())).toList();
    }

    @GetMapping("/prices/{instrument}")
    @Operation(summary = "Public: one instrument's latest quote; 400 for a malformed id, 404 when it has no quote")
    QuoteView price(@PathVariable String instrument) {
        validated(instrument);
        return cache.latest(instrument).map(q -> QuoteView.of(q, clock.instant(), pipeline.staleness()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "unknown-instrument",
                        "No quote for " + instrument + " (see GET /instruments)."));
    }

    @GetMapping("/prices/{instrument}/history")
    @Operation(summary = "Public: the instrument's recent distinct quotes, newest first (limit 1–100, default 20)")
    List<MarketTick> history(@PathVariable String instrument, @RequestParam(defaultValue = "20") int limit) {
        validated(instrument);
        if (limit < 1 || limit > 100) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "limit must be between 1 and 100.");
        }
        List<MarketTick> ticks = cache.history(instrument, limit);
        if (ticks.isEmpty()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "unknown-instrument",
                    "No quotes for " + instrument + " (see GET /instruments).");
        }
        return ticks;
    }

    private static void validated(String instrument) {
        if (TickRoute.of(instrument).isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid-instrument",
                    "Not an instrument id: use BTC-USD, ETH-USD, SOL-USD, POLY:<outcomeTokenId> or "
                            + "KALSHI:<marketTicker>:YES|NO.");
        }
    }
}
