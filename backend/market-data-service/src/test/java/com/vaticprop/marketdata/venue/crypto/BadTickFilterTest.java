package com.vaticprop.marketdata.venue.crypto;

import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BadTickFilterTest {
    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    final VenueCounters counters = new VenueCounters();
    final BadTickFilter filter = BadTickFilter.defaults(counters);

    static MarketTick tick(String venue, String bid, String ask, long seconds) {
        return new MarketTick("BTC-USD", venue, new BigDecimal(bid), new BigDecimal(ask), BigDecimal.ONE,
                BigDecimal.ONE, null, null, T0.plusSeconds(seconds), T0.plusSeconds(seconds), null);
    }

    @Test
    void aSingleSpikeIsDroppedAndCounted() {
        assertThat(filter.accept(tick("binance", "60000", "60001", 0))).isTrue();
        assertThat(filter.accept(tick("binance", "6000", "6001", 1))).isFalse();
        assertThat(filter.accept(tick("binance", "60010", "60011", 2))).isTrue();
        assertThat(counters.get(BadTickFilter.DROPPED_SPIKE)).isEqualTo(1);
    }

    @Test
    void aLastingMoveIsAcceptedOnceConfirmed() {
        filter.accept(tick("binance", "60000", "60001", 0));
        assertThat(filter.accept(tick("binance", "70000", "70001", 1))).isFalse();
        assertThat(filter.accept(tick("binance", "70010", "70011", 2))).isFalse();
        assertThat(filter.accept(tick("binance", "70020", "70021", 3))).isTrue();
        assertThat(filter.accept(tick("binance", "70030", "70031", 4))).isTrue();
        assertThat(counters.get(BadTickFilter.DROPPED_SPIKE)).isEqualTo(2);
    }

    @Test
    void aQuoteFarFromAnotherVenuesFreshQuoteIsDropped() {
        filter.accept(tick("coinbase", "60000", "60001", 0));
        assertThat(filter.accept(tick("binance", "62000", "62001", 1))).isFalse();
        assertThat(filter.accept(tick("binance", "60300", "60301", 1))).isTrue();
        assertThat(counters.get(BadTickFilter.DROPPED_DEVIATION)).isEqualTo(1);
    }

    @Test
    void aStaleReferenceIsIgnored() {
        filter.accept(tick("coinbase", "60000", "60001", 0));
        assertThat(filter.accept(tick("binance", "62000", "62001", 10))).isTrue();
    }
}
