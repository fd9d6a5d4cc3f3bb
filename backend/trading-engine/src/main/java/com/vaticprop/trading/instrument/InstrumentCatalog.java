package com.vaticprop.trading.instrument;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Instrument specifications by id. Crypto pairs are listed explicitly; prediction-market shares appear all the time,
 * so an unlisted {@code POLY:}/{@code KALSHI:} id gets its venue's default spec until market data registers the real
 * one (tick size, fee rate, market grouping). Immutable: updates return a new catalogue, so a replay sees exactly the
 * specs it was given.
 */
public final class InstrumentCatalog {
    /** Polymarket's coarse tick; it moves to 0.001 near the ends of the range (tick_size_change). */
    public static final BigDecimal POLY_DEFAULT_TICK = new BigDecimal("0.01");
    /** Kalshi's cent grid; "deci_cent" markets use 0.001. */
    public static final BigDecimal KALSHI_DEFAULT_TICK = new BigDecimal("0.01");
    /** Both venues trade fractional shares at two decimals. */
    public static final BigDecimal SHARE_LOT = new BigDecimal("0.01");

    private final Map<String, Instrument> listed;
    private final FeeModel polymarketDefaultFee;
    private final FeeModel kalshiDefaultFee;

    private InstrumentCatalog(Map<String, Instrument> listed, FeeModel polyFee, FeeModel kalshiFee) {
        this.listed = Map.copyOf(listed);
        this.polymarketDefaultFee = polyFee;
        this.kalshiDefaultFee = kalshiFee;
    }

    /**
     * The standard catalogue: BTC/ETH/SOL-USD at tick 0.01 with lots 0.0001 / 0.001 / 0.01 and the given taker fee;
     * Polymarket default fee-free (the rate is per market), Kalshi default quadratic 0.07.
     */
    public static InstrumentCatalog standard(BigDecimal cryptoTakerFeeBps) {
        FeeModel fee = new FeeModel.TakerBps(cryptoTakerFeeBps);
        Map<String, Instrument> m = new HashMap<>();
        m.put("BTC-USD", new Instrument.Crypto(InstrumentId.of("BTC-USD"), new BigDecimal("0.01"),
                new BigDecimal("0.0001"), fee));
        m.put("ETH-USD", new Instrument.Crypto(InstrumentId.of("ETH-USD"), new BigDecimal("0.01"),
                new BigDecimal("0.001"), fee));
        m.put("SOL-USD", new Instrument.Crypto(InstrumentId.of("SOL-USD"), new BigDecimal("0.01"),
                new BigDecimal("0.01"), fee));
        return new InstrumentCatalog(m, new FeeModel.Free(),
                new FeeModel.KalshiQuadratic(FeeModel.KalshiQuadratic.STANDARD));
    }

    public InstrumentCatalog with(Instrument instrument) {
        Map<String, Instrument> m = new HashMap<>(listed);
        m.put(instrument.id().value(), instrument);
        return new InstrumentCatalog(m, polymarketDefaultFee, kalshiDefaultFee);
    }

    /** The venue announced a new tick size for a share (e.g. Polymarket near 0.04/0.96). */
    public InstrumentCatalog withTickSize(InstrumentId id, BigDecimal tick) {
        Instrument current = find(id).orElseThrow();
        if (!(current instanceof Instrument.OutcomeShare share)) {
            throw new IllegalArgumentException("tick changes apply to prediction-market shares only: " + id);
        }
        return with(share.withTickSize(tick));
    }

    public Optional<Instrument> find(InstrumentId id) {
        Objects.requireNonNull(id, "id");
        Instrument known = listed.get(id.value());
        if (known != null) {
            return Optional.of(known);
        }
        return switch (id.venue()) {
            case CRYPTO -> Optional.empty();
            case POLYMARKET -> Optional.of(new Instrument.OutcomeShare(id, id.market(), POLY_DEFAULT_TICK, SHARE_LOT,
                    polymarketDefaultFee));
            case KALSHI -> Optional.of(new Instrument.OutcomeShare(id, id.market(), KALSHI_DEFAULT_TICK, SHARE_LOT,
                    kalshiDefaultFee));
        };
    }

    public Instrument get(InstrumentId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no specification for " + id));
    }
}
