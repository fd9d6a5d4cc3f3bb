package com.vaticprop.benchmarks.marketdata;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.binance.BinanceFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.polymarket.PolymarketFrameParser;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5: parse + normalize venue frames into {@link MarketTick}s, one thread; one op = one venue message.
 * Target ≥ 500,000 messages/s per core for Binance {@code @trade} and Polymarket {@code price_change}. Baseline of
 * the same run: Jackson's tree model reading the same frames ({@code readTree}, nothing normalised).
 *
 * <p>Frames are real wire samples (shared/reference) in a ring of 1,024 variants so every op does the full work: the
 * Binance trades carry increasing trade ids (an older id would be dropped early as out-of-order), on top of a
 * bookTicker so each trade yields a tick; the Polymarket price_change (two outcome tokens) alternates sizes, so both
 * books' tops change and each op yields two ticks. When the Binance ring wraps, the parser starts over (fresh state,
 * one bookTicker), 1 op in 1,024.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VenueParseBenchmark {
    static final int RING = 1024;
    static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
    static final String BOOK_TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BTCUSDT\","
            + "\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}";

    final String[] trades = new String[RING];
    final String[] priceChanges = new String[RING];
    final JsonMapper mapper = JsonMapper.builder().build();
    final Instant received = Instant.parse("2026-11-25T12:00:00Z");
    BinanceFrameParser binance;
    PolymarketFrameParser polymarket;
    BlackholeSink sink;
    int binanceIndex;
    int polymarketIndex;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        sink = new BlackholeSink(blackhole);
        for (int i = 0; i < RING; i++) {
            trades[i] = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BTCUSDT\","
                    + "\"t\":" + (12345 + i) + ",\"p\":\"25.3" + (i % 10) + "000000\",\"q\":\"" + (100 + i % 7)
                    + "\",\"T\":1672515782136,\"m\":true,\"M\":true}}";
            String size = Integer.toString(200 + (i % 2));
            priceChanges[i] = "{\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\","
                    + "\"price_changes\":[{\"asset_id\":\"" + YES + "\",\"price\":\"0.5\",\"size\":\"" + size + "\","
                    + "\"side\":\"BUY\",\"hash\":\"56621a121a47ed9333273e21c83b660cff37ae50\",\"best_bid\":\"0.5\","
                    + "\"best_ask\":\"1\"},{\"asset_id\":\"" + NO + "\",\"price\":\"0.5\",\"size\":\"" + size + "\","
                    + "\"side\":\"SELL\",\"hash\":\"1895759e4df7a796bf4f1c5a5950b748306923e2\",\"best_bid\":\"0\","
                    + "\"best_ask\":\"0.5\"}],\"timestamp\":\"1757908892351\",\"event_type\":\"price_change\"}";
        }
        freshBinance();
        polymarket = new PolymarketFrameParser(new VenueCounters());
        for (String asset : new String[]{YES, NO}) {
            polymarket.parse("{\"event_type\":\"book\",\"asset_id\":\"" + asset + "\",\"bids\":[],\"asks\":[],"
                    + "\"timestamp\":\"1757908892000\"}", received, sink);
        }
    }

    private void freshBinance() {
        binance = new BinanceFrameParser(new VenueCounters());
        binance.parse(BOOK_TICKER, received, sink);
    }

    @Benchmark
    public void binanceTrade() {
        if (binanceIndex == RING) {
            binanceIndex = 0;
            freshBinance();
        }
        binance.parse(trades[binanceIndex++], received, sink);
    }

    @Benchmark
    public void polymarketPriceChange() {
        polymarket.parse(priceChanges[polymarketIndex++ & (RING - 1)], received, sink);
    }

    @Benchmark
    public Object binanceTradeJacksonTree() {
        return mapper.readTree(trades[binanceIndex++ & (RING - 1)]);
    }

    @Benchmark
    public Object polymarketPriceChangeJacksonTree() {
        return mapper.readTree(priceChanges[polymarketIndex++ & (RING - 1)]);
    }

    /** Consumes what the parsers deliver so the JIT cannot drop the work. */
    static final class BlackholeSink implements TickSink {
        final Blackhole blackhole;
        long ticks;

        BlackholeSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void tick(MarketTick tick) {
            ticks++;
            blackhole.consume(tick);
        }

        @Override
        public void confirmed(String instrument, Instant receivedTs) {
            blackhole.consume(instrument);
        }

        @Override
        public void resolution(MarketResolution resolution) {
            blackhole.consume(resolution);
        }

        @Override
        public void status(MarketStatusChanged status) {
            blackhole.consume(status);
        }
    }
}
