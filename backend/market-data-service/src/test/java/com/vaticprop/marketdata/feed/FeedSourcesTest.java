package com.vaticprop.marketdata.feed;

import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import com.vaticprop.marketdata.support.CapturingSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedSourcesTest {

    /** A source that delivers one confirmation on start and counts its starts and stops. */
    static final class FakeSource implements FeedSource {
        final String name;
        int starts;
        int stops;

        FakeSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(TickSink sink) {
            starts++;
            sink.confirmed("BTC-USD", Instant.EPOCH);
        }

        @Override
        public void stop() {
            stops++;
        }

        @Override
        public FeedStatus status() {
            return new FeedStatus(name, "RUNNING", null, 3, Map.of("gaps", 2L));
        }
    }

    @Test
    void onlyEnabledSourcesRunAndTheirMessagesAndCountersAreMetered() {
        FakeSource a = new FakeSource("a");
        FakeSource b = new FakeSource("b");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CapturingSink sink = new CapturingSink();
        try (FeedSources sources = new FeedSources(List.of(a, b), Set.of("b"), sink,
                new MarketDataMetrics(registry))) {
            sources.start();
            sources.start();
            assertThat(a.starts).isZero();
            assertThat(b.starts).isOne();
            assertThat(sink.confirmations).containsExactly("BTC-USD");
            assertThat(sources.entries()).extracting(e -> e.source().name() + "=" + e.enabled())
                    .containsExactly("a=false", "b=true");
            assertThat(registry.get("marketdata.source.messages").tag("source", "b").tag("kind", "confirmed")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get("marketdata.source.events").tag("source", "b").tag("event", "reconnects")
                    .functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("marketdata.source.events").tag("source", "b").tag("event", "gaps")
                    .functionCounter().count()).isEqualTo(2);
        }
        assertThat(b.stops).isOne();
        assertThat(a.stops).isZero();
    }

    @Test
    void anUnknownOrDuplicateNameStopsTheStartUp() {
        MarketDataMetrics metrics = new MarketDataMetrics(new SimpleMeterRegistry());
        assertThatThrownBy(() -> new FeedSources(List.of(new FakeSource("simulated")), Set.of("binanse"),
                new CapturingSink(), metrics)).hasMessageContaining("binanse").hasMessageContaining("simulated");
        assertThatThrownBy(() -> new FeedSources(List.of(new FakeSource("x"), new FakeSource("x")), Set.of(),
                new CapturingSink(), metrics)).hasMessageContaining("two feed sources are named x");
    }
}
