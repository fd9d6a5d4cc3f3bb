package com.vaticprop.marketdata.venue.binance;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Platform instrument ↔ Binance spot symbol. Binance lists no BTC/USD spot book with depth, so BTC-USD is quoted
 * from BTCUSDT: USDT trades within a few basis points of USD, far inside the bad-tick filter's cross-venue tolerance,
 * and the secondary venue (Coinbase) quotes true USD, so a USDT de-peg shows up as a cross-venue deviation rather
 * than silently moving every mark.
 */
public final class BinanceSymbols {
    private static final Map<String, String> BY_INSTRUMENT = Map.of(
            "BTC-USD", "BTCUSDT", "ETH-USD", "ETHUSDT", "SOL-USD", "SOLUSDT");
    private static final Map<String, String> BY_SYMBOL = Map.of(
            "BTCUSDT", "BTC-USD", "ETHUSDT", "ETH-USD", "SOLUSDT", "SOL-USD");

    private BinanceSymbols() {
    }

    public static Optional<String> instrument(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String instrument = BY_SYMBOL.get(symbol);
        return Optional.ofNullable(instrument != null ? instrument : BY_SYMBOL.get(symbol.toUpperCase(Locale.ROOT)));
    }

    public static String symbol(String instrument) {
        String symbol = BY_INSTRUMENT.get(instrument);
        if (symbol == null) {
            throw new IllegalArgumentException("no Binance symbol for " + instrument);
        }
        return symbol;
    }

    /** The stream names of one instrument: {@code btcusdt@trade}, {@code btcusdt@bookTicker}. */
    public static List<String> streams(Collection<String> instruments) {
        return instruments.stream()
                .map(i -> symbol(i).toLowerCase(Locale.ROOT))
                .flatMap(s -> List.of(s + "@trade", s + "@bookTicker").stream())
                .toList();
    }
}
