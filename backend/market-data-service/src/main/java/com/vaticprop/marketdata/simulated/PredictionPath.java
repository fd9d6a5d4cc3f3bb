package com.vaticprop.marketdata.simulated;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One simulated binary market. The YES probability is a random walk in log-odds space, so it stays inside (0,1)
 * and moves less near the ends, like real prediction markets; the book is one or two cents wide on a cent grid.
 * A Polymarket market is one outcome token ({@code POLY:<token>}); a Kalshi market quotes both
 * {@code KALSHI:<ticker>:YES} and {@code :NO}, the NO book mirroring the YES book (NO bid = 1 − YES ask).
 *
 * <p>Now and then the market resolves (YES wins with the current probability; a few are voided): resolution
 * events, status CLOSED, then a successor market with a round suffix opens, so a long-running devstack always has
 * open markets.
 */
final class PredictionPath {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal MIN = new BigDecimal("0.01");
    private static final BigDecimal MAX = new BigDecimal("0.99");

    private final String base;
    private final boolean kalshi;
    private int round;
    private double logOdds;
    private long seq;
    private BigDecimal yesBid;
    private BigDecimal yesAsk;

    /** {@code base} is {@code POLY:<token>} or {@code KALSHI:<ticker>}. */
    PredictionPath(String base, double startProbability) {
        if (!base.startsWith("POLY:") && !base.startsWith("KALSHI:")) {
            throw new IllegalArgumentException("simulated prediction markets are POLY:<token> or KALSHI:<ticker>: "
                    + base);
        }
        this.base = base;
        this.kalshi = base.startsWith("KALSHI:");
        this.logOdds = StrictMath.log(startProbability / (1 - startProbability));
    }

    /** The instrument ids this market quotes in its current round. */
    List<String> instruments() {
        if (kalshi) {
            String ticker = base + (round == 0 ? "" : "-R" + round);
            return List.of(ticker + ":YES", ticker + ":NO");
        }
        return List.of(base + (round == 0 ? "" : "R" + round));
    }

    void open(Instant now, TickSink sink) {
        for (String id : instruments()) {
            sink.status(new MarketStatusChanged(id, MarketStatusChanged.Status.OPEN, now));
        }
        quote(now, sink);
    }

    void step(Instant now, RandomGenerator random, double resolveProbability, TickSink sink) {
        if (random.nextDouble() < resolveProbability) {
            resolve(now, random, sink);
            return;
        }
        if (random.nextDouble() < 0.35) {
            logOdds = Math.max(-4.5, Math.min(4.5, logOdds + 0.12 * random.nextGaussian()));
            BigDecimal oldBid = yesBid;
            BigDecimal oldAsk = yesAsk;
            book(random.nextDouble() < 0.7 ? 1 : 2);
            if (!yesBid.equals(oldBid) || !yesAsk.equals(oldAsk)) {
                publish(now, sink);
                return;
            }
        }
        for (String id : instruments()) {
            sink.confirmed(id, now);
        }
    }

    private void quote(Instant now, TickSink sink) {
        book(1);
        publish(now, sink);
    }

    private void book(int widthCents) {
        double p = 1 / (1 + StrictMath.exp(-logOdds));
        double half = widthCents * 0.005;
        BigDecimal bid = BigDecimal.valueOf(p - half).setScale(2, RoundingMode.FLOOR).max(MIN);
        BigDecimal ask = BigDecimal.valueOf(p + half).setScale(2, RoundingMode.CEILING).min(MAX);
        if (ask.compareTo(bid) <= 0) {
            if (bid.compareTo(MAX.subtract(CENT)) >= 0) {
                bid = MAX.subtract(CENT);
                ask = MAX;
            } else {
                ask = bid.add(CENT);
            }
        }
        yesBid = bid;
        yesAsk = ask;
    }

    private void publish(Instant now, TickSink sink) {
        List<String> ids = instruments();
        BigDecimal size = new BigDecimal(100 + (seq * 37) % 900).setScale(2, RoundingMode.UNNECESSARY);
        seq++;
        sink.tick(new MarketTick(ids.get(0), SimulatedMarket.VENUE, yesBid, yesAsk, size, size, null, null, now, now,
                seq));
        if (kalshi) {
            sink.tick(new MarketTick(ids.get(1), SimulatedMarket.VENUE, BigDecimal.ONE.subtract(yesAsk),
                    BigDecimal.ONE.subtract(yesBid), size, size, null, null, now, now, seq));
        }
    }

    private void resolve(Instant now, RandomGenerator random, TickSink sink) {
        double p = 1 / (1 + StrictMath.exp(-logOdds));
        boolean voided = random.nextDouble() < 0.05;
        boolean yesWins = random.nextDouble() < p;
        List<String> ids = instruments();
        for (int i = 0; i < ids.size(); i++) {
            boolean wins = i == 0 ? yesWins : !yesWins;
            sink.resolution(voided
                    ? new MarketResolution(ids.get(i), null, true, now, SimulatedMarket.VENUE)
                    : new MarketResolution(ids.get(i), wins ? BigDecimal.ONE : BigDecimal.ZERO, null, now,
                    SimulatedMarket.VENUE));
            sink.status(new MarketStatusChanged(ids.get(i), MarketStatusChanged.Status.CLOSED, now));
        }
        round++;
        logOdds = 0;
        open(now, sink);
    }
}
