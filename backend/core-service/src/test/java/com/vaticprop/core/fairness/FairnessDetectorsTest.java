package com.vaticprop.core.fairness;

import com.vaticprop.core.fairness.TradingRecords.Fill;
import com.vaticprop.core.fairness.TradingRecords.OpenedPosition;
import com.vaticprop.core.fairness.TradingRecords.Order;
import com.vaticprop.core.fairness.TradingRecords.QuoteGap;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The detectors on planted patterns, near misses and a clean data set. */
class FairnessDetectorsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final UUID u1 = UUID.randomUUID();
    private final UUID u2 = UUID.randomUUID();
    private final UUID a1 = UUID.randomUUID();
    private final UUID a2 = UUID.randomUUID();

    private final HedgingDetector hedging = new HedgingDetector(Duration.ofSeconds(5), 2);
    private final CopyTradingDetector copying = new CopyTradingDetector(Duration.ofSeconds(10), 3,
            new BigDecimal("0.8"));
    private final LatencyArbitrageDetector latency = new LatencyArbitrageDetector(Duration.ofSeconds(10), 3,
            new BigDecimal("0.8"));

    @Test
    void oppositePositionsOfTwoUsersWithinSecondsTwiceAreHedging() {
        List<OpenedPosition> planted = List.of(pos(a1, u1, "BTC-USD", "LONG", 0), pos(a2, u2, "BTC-USD", "SHORT", 3),
                pos(a1, u1, "ETH-USD", "SHORT", 600), pos(a2, u2, "ETH-USD", "LONG", 601));
        List<Finding> found = hedging.detect(planted);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().pattern()).isEqualTo(Finding.Pattern.CROSS_ACCOUNT_HEDGING);
        assertThat(found.getFirst().users()).containsExactlyInAnyOrder(u1, u2);
        assertThat(found.getFirst().occurrences()).isEqualTo(2);
        assertThat(found.getFirst().instruments()).containsExactly("BTC-USD", "ETH-USD");

        // near misses: once only; too far apart; same side; same user; other instrument
        assertThat(hedging.detect(planted.subList(0, 2))).isEmpty();
        assertThat(hedging.detect(List.of(pos(a1, u1, "BTC-USD", "LONG", 0), pos(a2, u2, "BTC-USD", "SHORT", 6),
                pos(a1, u1, "BTC-USD", "LONG", 100), pos(a2, u2, "BTC-USD", "SHORT", 106)))).isEmpty();
        assertThat(hedging.detect(List.of(pos(a1, u1, "BTC-USD", "LONG", 0), pos(a2, u2, "BTC-USD", "LONG", 1),
                pos(a1, u1, "BTC-USD", "LONG", 100), pos(a2, u2, "BTC-USD", "LONG", 101)))).isEmpty();
        UUID a3 = UUID.randomUUID();
        assertThat(hedging.detect(List.of(pos(a1, u1, "BTC-USD", "LONG", 0), pos(a3, u1, "BTC-USD", "SHORT", 1),
                pos(a1, u1, "BTC-USD", "LONG", 100), pos(a3, u1, "BTC-USD", "SHORT", 101)))).isEmpty();
    }

    @Test
    void identicalOrderStreamsOfTwoUsersAreCopyTrading() {
        List<Order> planted = new ArrayList<>();
        String[][] stream = {{"BUY", "2"}, {"SELL", "1"}, {"SELL", "1"}, {"BUY", "0.5"}};
        for (int i = 0; i < stream.length; i++) {
            planted.add(order(a1, u1, "ETH-USD", stream[i][0], stream[i][1], i * 60));
            planted.add(order(a2, u2, "ETH-USD", stream[i][0], stream[i][1], i * 60 + 4));
        }
        List<Finding> found = copying.detect(planted);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().pattern()).isEqualTo(Finding.Pattern.COPY_TRADING);
        assertThat(found.getFirst().assessments()).containsExactlyInAnyOrder(a1, a2);
        assertThat(found.getFirst().occurrences()).isEqualTo(4);

        // the same orders a minute apart, or a busy trader sharing two orders with another: nothing
        List<Order> late = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            late.add(order(a1, u1, "ETH-USD", stream[i][0], stream[i][1], i * 600));
            late.add(order(a2, u2, "ETH-USD", stream[i][0], stream[i][1], i * 600 + 60));
        }
        assertThat(copying.detect(late)).isEmpty();
        List<Order> partly = new ArrayList<>(planted.subList(0, 6));
        for (int i = 0; i < 10; i++) {
            partly.add(order(a1, u1, "BTC-USD", "BUY", "0.1", 1000 + i * 30));
            partly.add(order(a2, u2, "SOL-USD", "SELL", "3", 1000 + i * 30));
        }
        assertThat(copying.detect(partly)).as("3 of 13 orders alike").isEmpty();
    }

    @Test
    void tradingOnlyRightAfterQuoteGapsIsLatencyArbitrage() {
        List<QuoteGap> gaps = List.of(gap("SOL-USD", 100), gap("SOL-USD", 400), gap("SOL-USD", 900),
                gap("BTC-USD", 50));
        List<Fill> planted = List.of(fill(a1, u1, "SOL-USD", 101), fill(a1, u1, "SOL-USD", 402),
                fill(a1, u1, "SOL-USD", 905), fill(a2, u2, "SOL-USD", 250), fill(a2, u2, "SOL-USD", 600),
                fill(a2, u2, "SOL-USD", 902), fill(a2, u2, "BTC-USD", 700));
        List<Finding> found = latency.detect(planted, gaps);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().pattern()).isEqualTo(Finding.Pattern.LATENCY_ARBITRAGE);
        assertThat(found.getFirst().users()).containsExactly(u1);
        assertThat(found.getFirst().occurrences()).isEqualTo(3);
        // a fill before the gap ended, or 11 s after it, does not count; two fills are too few to judge
        assertThat(latency.detect(List.of(fill(a1, u1, "SOL-USD", 99), fill(a1, u1, "SOL-USD", 411),
                fill(a1, u1, "SOL-USD", 905)), gaps)).isEmpty();
        assertThat(latency.detect(planted.subList(0, 2), gaps)).isEmpty();
    }

    @Test
    void aCleanDataSetReportsNothing() {
        List<OpenedPosition> positions = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();
        String[] instruments = {"BTC-USD", "ETH-USD", "SOL-USD"};
        java.util.Random random = new java.util.Random(42);
        for (int user = 0; user < 20; user++) {
            UUID u = UUID.randomUUID();
            UUID a = UUID.randomUUID();
            for (int k = 0; k < 10; k++) {
                int at = user * 37 + k * 600 + random.nextInt(30);
                String instrument = instruments[random.nextInt(3)];
                String qty = String.valueOf(1 + random.nextInt(900) / 100.0);
                String side = (user + k) % 2 == 0 ? "BUY" : "SELL";
                orders.add(order(a, u, instrument, side, qty, at));
                fills.add(fill(a, u, instrument, at));
                // everyone holds the same direction per instrument at a time: no opposite openings
                positions.add(pos(a, u, instrument, k % 2 == 0 ? "LONG" : "SHORT", at));
            }
        }
        List<QuoteGap> gaps = List.of(gap("BTC-USD", 5000), gap("ETH-USD", 12_000));
        assertThat(hedging.detect(positions)).isEmpty();
        assertThat(copying.detect(orders)).isEmpty();
        assertThat(latency.detect(fills, gaps)).isEmpty();
    }

    private static OpenedPosition pos(UUID a, UUID u, String instrument, String side, int second) {
        return new OpenedPosition(UUID.randomUUID(), a, u, instrument, side, BigDecimal.ONE, T0.plusSeconds(second));
    }

    private static Order order(UUID a, UUID u, String instrument, String side, String qty, int second) {
        return new Order(UUID.randomUUID(), a, u, instrument, side, "MARKET", new BigDecimal(qty),
                T0.plusSeconds(second));
    }

    private static Fill fill(UUID a, UUID u, String instrument, int second) {
        return new Fill(UUID.randomUUID(), a, u, instrument, "BUY", BigDecimal.ONE, T0.plusSeconds(second));
    }

    private static QuoteGap gap(String instrument, int endSecond) {
        return new QuoteGap(instrument, T0.plusSeconds(endSecond - 8), T0.plusSeconds(endSecond));
    }
}
