package com.vaticprop.marketdata.publish;

import com.vaticprop.marketdata.support.MutableClock;
import com.vaticprop.marketdata.support.PipelineFixture;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.testkit.kafka.TopicReader;
import com.vaticprop.testkit.kafka.TopicReader.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline against real Kafka and Redis: what reaches which topic under which key, what is refused, when a
 * quiet book is re-published (and when it must not be), and what the Redis cache holds. Each test uses its own venue
 * name, so records of other tests on the shared broker are filtered out.
 */
class PublishingPipelineTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static MutableClock clock;
    private static PipelineFixture fx;
    private static TopicReader<EventEnvelope<EventData>> reader;

    @BeforeAll
    static void start() {
        clock = new MutableClock(T0);
        fx = new PipelineFixture(clock, 100, PublishingPipelineTest.class.getSimpleName());
        reader = new TopicReader<>(fx.bootstrapServers, Arrays.stream(Topic.values())
                .filter(t -> t.topicName().startsWith("market-data.")).map(Topic::topicName).toList(),
                new EventCodec()::decode);
    }

    @AfterAll
    static void stop() {
        reader.close();
        fx.close();
    }

    private static String venue() {
        return "test-" + UUID.randomUUID();
    }

    private static MarketTick tick(String instrument, String venue, String bid, String ask, Instant at, long seq) {
        return new MarketTick(instrument, venue, new BigDecimal(bid), new BigDecimal(ask), new BigDecimal("1.5"),
                new BigDecimal("2.25"), null, null, at.minusMillis(3), at, seq);
    }

    private static List<Received<EventEnvelope<EventData>>> ticksOf(String venue, int atLeast) {
        fx.producer.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> fromVenue(venue).size() >= atLeast);
        return fromVenue(venue);
    }

    private static List<Received<EventEnvelope<EventData>>> fromVenue(String venue) {
        return reader.matching(r -> r.value().data() instanceof MarketTick t && venue.equals(t.venue()));
    }

    private static MarketTick data(Received<EventEnvelope<EventData>> r) {
        return (MarketTick) r.value().data();
    }

    @Test
    void eachInstrumentGoesToItsTopicKeyedByInstrumentInTheEnvelope() {
        String venue = venue();
        Map<String, Topic> expected = Map.of("BTC-USD", Topic.BTC_TICKS, "ETH-USD", Topic.ETH_TICKS,
                "SOL-USD", Topic.SOL_TICKS, "POLY:7713", Topic.POLYMARKET_TICKS,
                "KALSHI:KXRAIN-26NOV:NO", Topic.KALSHI_TICKS);
        Instant at = clock.instant();
        expected.keySet().stream().sorted().forEach(id -> fx.pipeline.tick(id.contains(":")
                ? tick(id, venue, "0.41", "0.43", at, 7) : tick(id, venue, "100.10", "100.20", at, 7)));

        var received = ticksOf(venue, 5);
        assertThat(received).hasSize(5);
        for (Received<EventEnvelope<EventData>> r : received) {
            MarketTick t = data(r);
            assertThat(r.topic()).isEqualTo(expected.get(t.instrument()).topicName());
            assertThat(r.key()).isEqualTo(t.instrument());
            assertThat(r.value().type()).isEqualTo(EventType.MARKET_TICK.wireName());
            assertThat(r.value().seq()).isNull();
            assertThat(r.value().assessmentId()).isNull();
            assertThat(r.value().occurredAt()).isEqualTo(at);
            assertThat(t.receivedTs()).isEqualTo(at);
            assertThat(t.venueTs()).isEqualTo(at.minusMillis(3));
            assertThat(t.venueSeq()).isEqualTo(7L);
            assertThat(t.bidSize()).isEqualTo("1.5");
        }
        String raw = new String(received.get(0).raw());
        assertThat(raw).as("decimals travel as strings with their scale").containsAnyOf("\"bid\":\"100.10\"",
                "\"bid\":\"0.41\"");
        assertThat(fx.registry.get("marketdata.publish.latency").tag("topic", "market-data.btc-ticks").timer()
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void impossiblePricesAreRejectedAndCounted() {
        String venue = venue();
        Instant at = clock.instant();
        fx.pipeline.tick(tick("BTC-USD", venue, "101", "100", at, 1));           // crossed
        fx.pipeline.tick(tick("BTC-USD", venue, "0", "100", at, 2));             // non-positive
        fx.pipeline.tick(tick("ETH-USD", venue, "-1", "-0.5", at, 3));           // non-positive
        fx.pipeline.tick(tick("POLY:991", venue, "0.50", "1.01", at, 4));        // above 1
        fx.pipeline.tick(tick("KALSHI:KXA:YES", venue, "-0.01", "0.5", at, 5));  // below 0
        fx.pipeline.tick(tick("KALSHI:KXA:YES", venue, "0.60", "0.55", at, 6));  // crossed
        fx.pipeline.tick(tick("DOGE-USD", venue, "0.1", "0.2", at, 7));          // unknown instrument
        fx.pipeline.tick(new MarketTick("SOL-USD", venue, null, BigDecimal.TEN, null, null, null, null, at, at, 8L));
        fx.pipeline.tick(tick("BTC-USD", venue, "99.99", "100.00", at, 9));      // valid: the marker

        var received = ticksOf(venue, 1);
        assertThat(received).extracting(r -> data(r).venueSeq()).containsExactly(9L);
        assertThat(fx.metrics.rejectedCount(venue, "crossed")).isEqualTo(2);
        assertThat(fx.metrics.rejectedCount(venue, "non-positive")).isEqualTo(2);
        assertThat(fx.metrics.rejectedCount(venue, "out-of-range")).isEqualTo(2);
        assertThat(fx.metrics.rejectedCount(venue, "unknown-instrument")).isEqualTo(1);
        assertThat(fx.metrics.rejectedCount(venue, "incomplete")).isEqualTo(1);
    }

    @Test
    void aConfirmedQuietBookIsRepublishedAtLeastEveryHalfBoundWithItsConfirmationTime() {
        String venue = venue();
        String instrument = "POLY:55501"; // a fresh instrument: its own book state
        // prediction markets: bound 120 s, re-published once the last publication is 50 s old
        Instant start = clock.instant();
        fx.pipeline.tick(tick(instrument, venue, "0.30", "0.32", start, 1));
        for (int i = 0; i < 40; i++) {          // 200 s of heartbeats every 5 s, sweeps every 250 ms between
            for (int s = 0; s < 20; s++) {
                clock.advance(Duration.ofMillis(250));
                fx.pipeline.sweep();
            }
            fx.pipeline.confirmed(instrument, clock.instant());
        }
        Instant lastConfirmation = clock.instant();

        var received = ticksOf(venue, 4);
        List<Instant> stamps = received.stream().map(r -> data(r).receivedTs()).toList();
        assertThat(stamps.get(0)).isEqualTo(start);
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(Duration.between(stamps.get(i - 1), stamps.get(i)))
                    .as("gap before re-publication %d", i).isLessThanOrEqualTo(Duration.ofSeconds(60))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(45)); // due at 50 s, stamped with the last heartbeat
        }
        assertThat(Duration.between(stamps.get(stamps.size() - 1), lastConfirmation))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(received).allSatisfy(r -> {
            assertThat(data(r).bid()).isEqualTo("0.30");
            assertThat(data(r).ask()).isEqualTo("0.32");
            assertThat(data(r).venueSeq()).isEqualTo(1L);
            assertThat(r.value().occurredAt()).isEqualTo(data(r).receivedTs());
        });
        assertThat(fx.registry.get("marketdata.ticks.republished").tag("topic", "market-data.polymarket-ticks")
                .counter().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void cryptoRepublishesWithinTwoAndAHalfSecondsOnConfirmationAndStopsWhenConfirmationsStop() {
        String venue = venue();
        String instrument = "SOL-USD";
        Instant start = clock.instant();
        fx.pipeline.tick(tick(instrument, venue, "180.10", "180.12", start, 1));
        for (int i = 0; i < 24; i++) {          // 12 s of confirmations every 500 ms, no sweeps: confirmation-driven
            clock.advance(Duration.ofMillis(500));
            fx.pipeline.confirmed(instrument, clock.instant());
        }
        Instant lastConfirmation = clock.instant();
        for (int i = 0; i < 120; i++) {         // 30 s of silence with sweeps: nothing may go out
            clock.advance(Duration.ofMillis(250));
            fx.pipeline.sweep();
        }
        var received = ticksOf(venue, 6);
        List<Instant> stamps = received.stream().map(r -> data(r).receivedTs()).toList();
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(Duration.between(stamps.get(i - 1), stamps.get(i))).isLessThanOrEqualTo(Duration.ofMillis(2500));
        }
        assertThat(stamps.get(stamps.size() - 1)).isBeforeOrEqualTo(lastConfirmation)
                .isAfter(lastConfirmation.minusMillis(2500));
        fx.producer.flush();
        assertThat(fromVenue(venue)).as("no re-publication after the confirmations stopped").hasSize(stamps.size());
    }

    @Test
    void aBookNobodyConfirmsIsNeverRepublished() {
        String venue = venue();
        fx.pipeline.tick(tick("KALSHI:KXSTALE-1:YES", venue, "0.10", "0.12", clock.instant(), 1));
        fx.pipeline.tick(tick("ETH-USD", venue, "3000.00", "3000.50", clock.instant(), 1));
        for (int i = 0; i < 1000; i++) {        // 250 s of sweeps, no confirmation
            clock.advance(Duration.ofMillis(250));
            fx.pipeline.sweep();
        }
        // a confirmation older than the bound would only publish a quote that is stale on arrival
        fx.pipeline.confirmed("ETH-USD", clock.instant().minusSeconds(6));
        fx.pipeline.sweep();
        var received = ticksOf(venue, 2);
        fx.producer.flush();
        assertThat(fromVenue(venue)).hasSize(2);
        assertThat(received).extracting(r -> data(r).venueSeq()).containsOnly(1L);
    }

    @Test
    void redisHoldsTheLatestQuoteWithConfirmationTimeTtlAndACappedHistory() {
        String venue = venue();
        String instrument = "KALSHI:KXHIST-9:YES";
        Instant start = clock.instant();
        for (int i = 0; i < 150; i++) {
            BigDecimal bid = new BigDecimal("0.10").add(new BigDecimal(i % 80).movePointLeft(2));
            fx.pipeline.tick(new MarketTick(instrument, venue, bid, bid.add(new BigDecimal("0.01")), BigDecimal.ONE,
                    BigDecimal.ONE, null, null, start, start.plusMillis(i), (long) i));
        }
        clock.advance(Duration.ofSeconds(1));
        Instant confirmed = clock.instant();
        fx.pipeline.confirmed(instrument, confirmed); // too early to re-publish, but the cache shows it
        fx.cache.flush();

        Map<Object, Object> hash = fx.redis.opsForHash().entries(fx.keys.quote(instrument));
        assertThat(hash).containsEntry("instrument", instrument).containsEntry("venue", venue)
                .containsEntry("bid", "0.79").containsEntry("ask", "0.80").containsEntry("venueSeq", "149")
                .containsEntry("receivedTs", start.plusMillis(149).toString())
                .containsEntry("confirmedAt", confirmed.toString());
        assertThat(fx.redis.getExpire(fx.keys.quote(instrument))).isPositive();
        assertThat(fx.redis.opsForList().size(fx.keys.history(instrument))).isEqualTo(100);
        assertThat(fx.cache.history(instrument, 3)).extracting(MarketTick::venueSeq).containsExactly(149L, 148L, 147L);
        assertThat(fx.redis.getExpire(fx.keys.history(instrument))).isPositive();
        assertThat(fx.cache.instruments()).contains(instrument);
        assertThat(fx.cache.latest(instrument)).get().satisfies(q -> {
            assertThat(q.confirmedAt()).isEqualTo(confirmed);
            assertThat(q.tick().bid()).isEqualTo("0.79");
        });
    }

    @Test
    void resolutionsAndStatusesGoToTheirTopicsAndTheCache() {
        String source = venue();
        String instrument = "POLY:88" + Math.abs(source.hashCode());
        Instant at = clock.instant();
        fx.pipeline.status(new MarketStatusChanged(instrument, MarketStatusChanged.Status.HALTED, at));
        fx.pipeline.resolution(new MarketResolution(instrument, new BigDecimal("1.5"), null, at, source)); // refused
        fx.pipeline.resolution(new MarketResolution(instrument, BigDecimal.ONE, null, at, source));
        fx.producer.flush();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var mine = reader.matching(r -> instrument.equals(r.key()));
            assertThat(mine).extracting(Received::topic).containsExactlyInAnyOrder(
                    Topic.MARKET_STATUS.topicName(), Topic.MARKET_RESOLUTIONS.topicName());
        });
        var resolution = reader.matching(r -> instrument.equals(r.key())
                && r.topic().equals(Topic.MARKET_RESOLUTIONS.topicName())).get(0);
        assertThat(resolution.value().type()).isEqualTo("market-data.resolution");
        assertThat(((MarketResolution) resolution.value().data()).settlementPrice()).isEqualTo("1");
        assertThat(fx.metrics.rejectedCount(source, "invalid-resolution")).isEqualTo(1);
        assertThat(fx.cache.statuses().get(instrument).status()).isEqualTo(MarketStatusChanged.Status.HALTED);
        assertThat(fx.cache.resolutions().get(instrument).settlementPrice()).isEqualTo("1");
    }
}
