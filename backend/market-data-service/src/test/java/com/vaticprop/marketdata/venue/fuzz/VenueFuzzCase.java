package com.vaticprop.marketdata.venue.fuzz;

import com.vaticprop.marketdata.venue.VenueControl;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.binance.BinanceFrameParser;
import com.vaticprop.marketdata.venue.coinbase.CoinbaseFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.kalshi.KalshiCommands;
import com.vaticprop.marketdata.venue.kalshi.KalshiFrameParser;
import com.vaticprop.marketdata.venue.kraken.KrakenFrameParser;
import com.vaticprop.marketdata.venue.polymarket.PolymarketFrameParser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static java.util.stream.Collectors.toList;

/**
 * One venue for the parser fuzz: its live frame parser wired the way its connector wires it (counters, and for the
 * venues that resync, a {@link VenueControl} whose reconnect resets the parser as a new connection does), and a
 * generator of well-formed frames made from the verbatim samples in src/test/resources/venue. The samples are only
 * re-pointed at instruments the connector follows and given increasing sequence numbers and plausible prices, so the
 * mutations reach the book and price logic instead of stopping at "unknown symbol" or "out of order".
 */
record VenueFuzzCase(String venue, Function<VenueCounters, VenueFrameParser> parserFactory,
                     List<BiFunction<Long, Random, String>> templates) {

    static final String POLY_ASSET =
            "65818619657568813474341868652308942079804919287380422192892211131408793125422";
    static final String KALSHI_TICKER = "FED-23DEC-T3.00";

    static List<VenueFuzzCase> all() {
        return List.of(binance(), coinbase(), kraken(), polymarket(), kalshi());
    }

    String validFrame(long n, Random random) {
        return templates.get(random.nextInt(templates.size())).apply(n, random);
    }

    @Override
    public String toString() {
        return venue;
    }

    static VenueFuzzCase binance() {
        String book = load("binance-book-ticker.json").strip();
        String trade = load("binance-trade.json").strip();
        return new VenueFuzzCase(BinanceFrameParser.VENUE, BinanceFrameParser::new,
                List.of((n, r) -> {
                    BigDecimal[] q = crypto(r, 95_000);
                    String data = book.replace("400900217", Long.toString(n)).replace("BNBUSDT", "BTCUSDT")
                            .replace("25.35190000", q[0].toPlainString()).replace("25.36520000", q[1].toPlainString());
                    return "{\"stream\":\"btcusdt@bookTicker\",\"data\":" + data + "}";
                }, (n, r) -> {
                    String data = trade.replace("BNBBTC", "BTCUSDT").replace("\"t\":12345", "\"t\":" + n)
                            .replace("\"0.001\"", "\"" + crypto(r, 95_000)[1].toPlainString() + "\"");
                    return r.nextBoolean() ? data : "{\"stream\":\"btcusdt@trade\",\"data\":" + data + "}";
                }));
    }

    static VenueFuzzCase coinbase() {
        String ticker = load("coinbase-ticker.json").strip();
        String heartbeat = load("coinbase-heartbeat.json").strip();
        String match = load("coinbase-match.json").strip();
        String advanced = load("coinbase-advanced-ticker.json").strip();
        return new VenueFuzzCase(CoinbaseFrameParser.VENUE, CoinbaseFrameParser::new,
                List.of((n, r) -> {
                    BigDecimal[] q = crypto(r, 1285);
                    return ticker.replace("37475248783", Long.toString(37475248783L + n))
                            .replace("\"1285.04\"", "\"" + q[0].toPlainString() + "\"")
                            .replace("\"1285.27\"", "\"" + q[1].toPlainString() + "\"");
                }, (n, r) -> ticker.replace("37475248783", Long.toString(37475248783L + n)),
                        (n, r) -> heartbeat.replace("\"sequence\":90", "\"sequence\":" + n),
                        (n, r) -> match, (n, r) -> advanced));
    }

    static VenueFuzzCase kraken() {
        String snapshot = load("kraken-ticker-snapshot.json").strip();
        String update = load("kraken-ticker-update.json").strip();
        String trades = load("kraken-trade-snapshot.json").strip();
        return new VenueFuzzCase(KrakenFrameParser.VENUE, KrakenFrameParser::new,
                List.of((n, r) -> snapshot.replace("ALGO/USD", "BTC/USD"), (n, r) -> {
                    BigDecimal[] q = crypto(r, 0.1);
                    return update.replace("ALGO/USD", "BTC/USD").replace("\"bid\":0.10025", "\"bid\":" + q[0])
                            .replace("\"ask\":0.10035", "\"ask\":" + q[1]);
                }, (n, r) -> trades.replace("MATIC/USD", "BTC/USD")));
    }

    static VenueFuzzCase polymarket() {
        List<String> samples = List.of("polymarket-book.json", "polymarket-price-change.json",
                "polymarket-price-change-legacy.json", "polymarket-best-bid-ask.json",
                "polymarket-last-trade-price.json", "polymarket-tick-size-change.json", "polymarket-new-market.json")
                .stream().map(name -> load(name).strip().replaceAll("\\d{70,}", POLY_ASSET)).collect(toList());
        // the resolution keeps its two distinct outcomes; only the winner becomes the followed token
        samples.add(load("polymarket-market-resolved.json").strip().replace(
                "76043073756653678226373981964075571318267289248134717369284518995922789326425", POLY_ASSET));
        return new VenueFuzzCase(PolymarketFrameParser.VENUE, c -> {
            PolymarketFrameParser parser = new PolymarketFrameParser(c);
            parser.control(new ResettingControl(parser::reset));
            return parser;
        }, weighted(samples));
    }

    /** The book snapshot comes often (every other frame a change needs a book to apply to), a resolution rarely. */
    private static List<BiFunction<Long, Random, String>> weighted(List<String> samples) {
        return List.of((n, r) -> samples.get(0), (n, r) -> samples.get(0), (n, r) -> samples.get(1),
                (n, r) -> samples.get(2), (n, r) -> samples.get(3), (n, r) -> samples.get(4),
                (n, r) -> samples.get(5), (n, r) -> samples.get(6),
                (n, r) -> r.nextInt(20) == 0 ? samples.get(7) : samples.get(0));
    }

    static VenueFuzzCase kalshi() {
        String snapshot = load("kalshi-orderbook-snapshot.json").strip();
        String delta = load("kalshi-orderbook-delta.json").strip();
        String ticker = load("kalshi-ticker.json").strip();
        String legacy = load("kalshi-ticker-legacy.json").strip();
        String lifecycle = load("kalshi-lifecycle-created.json").strip();
        return new VenueFuzzCase(KalshiFrameParser.VENUE, c -> {
            KalshiFrameParser parser = new KalshiFrameParser(c, new KalshiCommands(List.of(KALSHI_TICKER)));
            parser.control(new ResettingControl(parser::reset));
            return parser;
        }, List.of((n, r) -> snapshot.replace("\"seq\":2", "\"seq\":" + n),
                (n, r) -> delta.replace("\"seq\":3", "\"seq\":" + n),
                (n, r) -> delta.replace("\"seq\":3", "\"seq\":" + n).replace("-54.00", "12.00"),
                (n, r) -> ticker, (n, r) -> legacy, (n, r) -> lifecycle));
    }

    /** A bid and an ask around {@code mid}, bid &lt; ask, on a 0.01 grid (or 5 decimals below 1). */
    private static BigDecimal[] crypto(Random r, double mid) {
        int scale = mid < 1 ? 5 : 2;
        BigDecimal bid = BigDecimal.valueOf(mid * (1 + (r.nextDouble() - 0.5) / 1000)).setScale(scale,
                RoundingMode.HALF_UP);
        BigDecimal ask = bid.add(BigDecimal.ONE.movePointLeft(scale).multiply(BigDecimal.valueOf(1 + r.nextInt(5))));
        return new BigDecimal[] {bid, ask};
    }

    /**
     * What the live connection does for a parser: a resubscribe is queued (not needed here), a reconnect opens a new
     * socket and the protocol's {@code onConnected} resets the parser.
     */
    private record ResettingControl(Runnable onReconnect) implements VenueControl {
        @Override
        public void send(String message) {
        }

        @Override
        public void reconnect(String reason) {
            onReconnect.run();
        }
    }
}
