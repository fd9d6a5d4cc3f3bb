package com.vaticprop.marketdata.replay;

import com.vaticprop.marketdata.simulated.SimulatedMarket;
import com.vaticprop.marketdata.support.CapturingSink;
import com.vaticprop.marketdata.feed.TickSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    /** Records 4,000 steps of the seeded simulator through the recording sink; returns what the live run emitted. */
    private static CapturingSink record(Path file) {
        SimulatedMarket market = new SimulatedMarket(99, Duration.ofMillis(250),
                List.of("POLY:31337", "KALSHI:KXREPLAY-1"), Duration.ofMinutes(3));
        CapturingSink live = new CapturingSink();
        try (JsonlFrameRecorder recorder = new JsonlFrameRecorder(file)) {
            TickSink sink = new RecordingTickSink(live, recorder, Clock.systemUTC());
            market.open(T0, sink);
            for (int i = 1; i <= 4000; i++) {
                market.step(T0.plusMillis(250L * i), sink);
            }
        }
        return live;
    }

    private static CapturingSink replay(Path file, double speed, ReplayFeed[] feedOut) throws Exception {
        CapturingSink sink = new CapturingSink();
        ReplayFeed feed = new ReplayFeed("replay", file, List.of(new NormalizedFrames()), speed);
        if (feedOut != null) {
            feedOut[0] = feed;
        }
        feed.start(sink);
        feed.finished().get(60, TimeUnit.SECONDS);
        feed.stop();
        return sink;
    }

    @Test
    void replayAtMaxSpeedReproducesTheRecordedTicksByteForByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.jsonl");
        CapturingSink live = record(file);
        assertThat(live.ticks.size()).isGreaterThan(10_000);
        assertThat(live.resolutions).isNotEmpty();

        ReplayFeed[] feed = new ReplayFeed[1];
        CapturingSink first = replay(file, 0, feed);
        CapturingSink second = replay(file, 0, null);

        assertThat(first.bytes()).isEqualTo(second.bytes());
        assertThat(first.bytes()).as("replay = what the live run delivered").isEqualTo(live.bytes());
        assertThat(first.ticks).isEqualTo(live.ticks);
        assertThat(feed[0].status().state()).isEqualTo("FINISHED");
        assertThat(feed[0].status().counters()).containsEntry("parseErrors", 0L)
                .containsEntry("frames", (long) Files.readAllLines(file).size());
    }

    @Test
    void badLinesAndUnknownVenuesAreCountedAndSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        CapturingSink live = new CapturingSink();
        try (JsonlFrameRecorder recorder = new JsonlFrameRecorder(file)) {
            RecordingTickSink sink = new RecordingTickSink(live, recorder, Clock.systemUTC());
            sink.confirmed("BTC-USD", T0);
            recorder.record("binance", T0, "{\"e\":\"trade\"}");            // no parser registered here
            recorder.record(NormalizedFrames.VENUE, T0, "{\"kind\":\"tick\""); // truncated frame
            recorder.record(NormalizedFrames.VENUE, T0, "{\"kind\":\"teleport\"}");
            sink.confirmed("ETH-USD", T0.plusSeconds(1));
        }
        Files.writeString(file, "not json at all\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ReplayFeed[] feed = new ReplayFeed[1];
        CapturingSink replayed = replay(file, 0, feed);
        assertThat(replayed.confirmations).containsExactly("BTC-USD", "ETH-USD");
        assertThat(feed[0].status().counters()).containsEntry("frames", 2L).containsEntry("parseErrors", 3L)
                .containsEntry("unknownVenue", 1L);
    }

    @Test
    void speedOneKeepsTheRecordedGaps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("paced.jsonl");
        try (JsonlFrameRecorder recorder = new JsonlFrameRecorder(file)) {
            RecordingTickSink sink = new RecordingTickSink(new CapturingSink(), recorder, Clock.systemUTC());
            sink.confirmed("BTC-USD", T0);
            sink.confirmed("BTC-USD", T0.plusMillis(400));
        }
        long start = System.nanoTime();
        replay(file, 1, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        start = System.nanoTime();
        replay(file, 0, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(390));
    }
}
