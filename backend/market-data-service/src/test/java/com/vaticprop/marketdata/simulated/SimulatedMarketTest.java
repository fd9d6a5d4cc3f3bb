package com.vaticprop.marketdata.simulated;

import com.vaticprop.marketdata.publish.QuoteValidator;
import com.vaticprop.marketdata.publish.TickRoute;
import com.vaticprop.marketdata.support.CapturingSink;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedMarketTest {

    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    private static final List<String> MARKETS = List.of("POLY:4242", "KALSHI:KXSIM-26NOV");

    private static CapturingSink run(long seed, int steps, Duration lifetime) {
        SimulatedMarket market = new SimulatedMarket(seed, Duration.ofMillis(250), MARKETS, lifetime);
        CapturingSink sink = new CapturingSink();
        market.open(T0, sink);
        for (int i = 1; i <= steps; i++) {
            market.step(T0.plusMillis(250L * i), sink);
        }
        return sink;
    }

    @Test
    void theSameSeedGivesTheSameCallsByteForByte() {
        assertThat(run(42, 2000, Duration.ofMinutes(2)).bytes()).isEqualTo(run(42, 2000, Duration.ofMinutes(2)).bytes());
        assertThat(run(42, 200, Duration.ZERO).bytes()).isNotEqualTo(run(43, 200, Duration.ZERO).bytes());
    }

    @Test
    void everyQuoteIsOnePublishableBookOnItsGrid() {
        CapturingSink sink = run(7, 5000, Duration.ofMinutes(5));
        assertThat(sink.ticks).isNotEmpty().allSatisfy(t -> {
            TickRoute route = TickRoute.of(t.instrument()).orElseThrow();
            assertThat(QuoteValidator.check(t, route.id().assetClass())).as("%s", t).isNull();
            assertThat(t.bid()).isLessThan(t.ask());
            assertThat(t.venue()).isEqualTo("simulated");
            assertThat(t.bid().scale()).isEqualTo(2);
        });
        Map<String, Long> perInstrument = sink.ticks.stream()
                .collect(Collectors.groupingBy(MarketTick::instrument, Collectors.counting()));
        assertThat(perInstrument).containsKeys("BTC-USD", "ETH-USD", "SOL-USD", "POLY:4242",
                "KALSHI:KXSIM-26NOV:YES", "KALSHI:KXSIM-26NOV:NO");
        assertThat(sink.confirmations).as("unchanged books are confirmed, not re-quoted").isNotEmpty();
        // spreads: BTC within a few dollars, prediction markets one or two cents
        assertThat(sink.ticks.stream().filter(t -> t.instrument().equals("BTC-USD"))
                .map(t -> t.ask().subtract(t.bid())).max(BigDecimal::compareTo).orElseThrow()).isLessThan(BigDecimal.TEN);
    }

    @Test
    void kalshiNoMirrorsYes() {
        CapturingSink sink = run(11, 3000, Duration.ZERO);
        List<MarketTick> ticks = sink.ticks;
        for (int i = 0; i < ticks.size(); i++) {
            MarketTick t = ticks.get(i);
            if (t.instrument().equals("KALSHI:KXSIM-26NOV:YES")) {
                MarketTick no = ticks.get(i + 1);
                assertThat(no.instrument()).isEqualTo("KALSHI:KXSIM-26NOV:NO");
                assertThat(no.bid()).isEqualTo(BigDecimal.ONE.subtract(t.ask()));
                assertThat(no.ask()).isEqualTo(BigDecimal.ONE.subtract(t.bid()));
            }
        }
    }

    @Test
    void cryptoFollowsGeometricBrownianMotionWithItsVolatility() {
        CapturingSink sink = run(3, 40_000, Duration.ZERO);
        List<Double> mids = sink.ticks.stream().filter(t -> t.instrument().equals("BTC-USD"))
                .map(t -> t.bid().add(t.ask()).doubleValue() / 2).toList();
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < mids.size(); i++) {
            double r = Math.log(mids.get(i) / mids.get(i - 1));
            sum += r;
            sumSq += r * r;
        }
        int n = mids.size() - 1;
        double perStep = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
        double annualized = perStep * Math.sqrt(365.0 * 24 * 3600 / 0.25);
        assertThat(annualized).as("annualized volatility of BTC mids").isBetween(0.45, 0.75);
    }

    @Test
    void marketsResolveNowAndThenAndASuccessorOpens() {
        CapturingSink sink = run(5, 20_000, Duration.ofMinutes(5)); // 83 simulated minutes
        assertThat(sink.resolutions).isNotEmpty().allSatisfy(r -> {
            if (!Boolean.TRUE.equals(r.voided())) {
                assertThat(r.settlementPrice()).isIn(BigDecimal.ONE, BigDecimal.ZERO);
            }
            assertThat(r.source()).isEqualTo("simulated");
        });
        assertThat(sink.statuses).anyMatch(s -> s.status() == MarketStatusChanged.Status.CLOSED);
        assertThat(sink.statuses).anyMatch(s -> s.instrument().matches("POLY:4242R\\d+")
                && s.status() == MarketStatusChanged.Status.OPEN);
        assertThat(sink.ticks).anyMatch(t -> t.instrument().matches("KALSHI:KXSIM-26NOV-R\\d+:YES"));
        // both outcomes of one Kalshi round settle opposite
        sink.resolutions.stream().filter(r -> r.instrument().endsWith(":YES") && r.settlementPrice() != null)
                .forEach(yes -> assertThat(sink.resolutions).anyMatch(no -> no.instrument()
                        .equals(yes.instrument().replace(":YES", ":NO"))
                        && BigDecimal.ONE.subtract(yes.settlementPrice()).compareTo(no.settlementPrice()) == 0));
    }
}
