package com.vaticprop.trading.instrument;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed instrument id in the wire form of CONTRACTS.md: {@code BTC-USD}, {@code POLY:<outcomeTokenId>},
 * {@code KALSHI:<marketTicker>:YES|NO}. Parsing once means the engine never has to guess a venue from a string again.
 *
 * @param value  the wire id
 * @param venue  venue the id belongs to
 * @param market the market the share belongs to (Kalshi ticker, Polymarket token); the symbol for crypto
 * @param outcome YES/NO for Kalshi; {@code null} for crypto and for Polymarket (a token is one outcome, which one is
 *                market metadata)
 */
public record InstrumentId(String value, Venue venue, String market, Outcome outcome) {
    public static final Set<String> CRYPTO_SYMBOLS = Set.of("BTC-USD", "ETH-USD", "SOL-USD");
    private static final Pattern POLY = Pattern.compile("POLY:([0-9A-Za-z]+)");
    private static final Pattern KALSHI = Pattern.compile("KALSHI:([A-Za-z0-9._-]+):(YES|NO)");

    public InstrumentId {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(market, "market");
    }

    public static Optional<InstrumentId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (CRYPTO_SYMBOLS.contains(raw)) {
            return Optional.of(new InstrumentId(raw, Venue.CRYPTO, raw, null));
        }
        Matcher poly = POLY.matcher(raw);
        if (poly.matches()) {
            return Optional.of(new InstrumentId(raw, Venue.POLYMARKET, poly.group(1), null));
        }
        Matcher kalshi = KALSHI.matcher(raw);
        if (kalshi.matches()) {
            return Optional.of(new InstrumentId(raw, Venue.KALSHI, kalshi.group(1), Outcome.valueOf(kalshi.group(2))));
        }
        return Optional.empty();
    }

    /** Parses an id that is known to be valid (tests, catalogues); throws on anything else. */
    public static InstrumentId of(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException("unknown instrument id: " + raw));
    }

    public AssetClass assetClass() {
        return venue.assetClass();
    }

    /** The other outcome of the same Kalshi market; Polymarket pairs are metadata and not derivable from the id. */
    public Optional<InstrumentId> kalshiComplement() {
        if (venue != Venue.KALSHI) {
            return Optional.empty();
        }
        return Optional.of(of("KALSHI:" + market + ":" + outcome.other()));
    }

    @Override
    public String toString() {
        return value;
    }
}
