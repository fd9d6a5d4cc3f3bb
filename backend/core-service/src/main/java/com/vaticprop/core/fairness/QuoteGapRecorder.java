package com.vaticprop.core.fairness;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.support.Sql;
import com.vaticprop.trading.instrument.AssetClass;
import com.vaticprop.trading.market.Quote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records quote gaps — an instrument silent for longer than the gap threshold, judged on consecutive quotes'
 * {@code receivedTs} — as evidence for the latency-arbitrage detector. market-data re-publishes an unchanged book at
 * least every half staleness bound while the venue confirms it, so a gap means the venue (or the feed) really went
 * quiet. Listens to the quote table; the insert runs on a virtual thread so the market feed never waits for the
 * database, and every replica records the same gap once (primary key instrument + end).
 */
final class QuoteGapRecorder implements QuoteTable.Listener {

    private static final Logger log = LoggerFactory.getLogger(QuoteGapRecorder.class);

    private final JdbcClient jdbc;
    private final FairnessSettings settings;
    private final Clock clock;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();

    QuoteGapRecorder(JdbcClient jdbc, FairnessSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onQuote(Quote quote) {
        String instrument = quote.instrument().value();
        Instant at = quote.receivedTs();
        Instant previous = lastSeen.put(instrument, at);
        Duration threshold = quote.instrument().assetClass() == AssetClass.CRYPTO ? settings.quoteGapCrypto()
                : settings.quoteGapPrediction();
        if (previous != null && Duration.between(previous, at).compareTo(threshold) >= 0) {
            writer.execute(() -> record(instrument, previous, at));
        }
    }

    private void record(String instrument, Instant start, Instant end) {
        try {
            jdbc.sql("""
                            INSERT INTO quote_gaps (instrument, gap_end, gap_start, recorded_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (instrument, gap_end) DO NOTHING""")
                    .params(instrument, Sql.ts(end), Sql.ts(start), Sql.ts(clock.instant())).update();
        } catch (RuntimeException e) {
            log.warn("quote gap on {} not recorded: {}", instrument, e.getClass().getSimpleName());
        }
    }
}
