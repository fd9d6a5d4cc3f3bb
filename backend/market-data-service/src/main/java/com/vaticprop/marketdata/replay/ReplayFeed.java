package com.vaticprop.marketdata.replay;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.json.VaticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A feed source that reads a JSONL recording and hands each frame to the parser of its venue, in file order, on one
 * thread. {@code speed} 0 replays as fast as the sink takes it; 1 keeps the recorded gaps between frames; 10 plays
 * ten times faster. Unparseable lines and frames of venues without a parser are counted and skipped.
 */
public final class ReplayFeed implements FeedSource {

    private static final Logger log = LoggerFactory.getLogger(ReplayFeed.class);

    private final String name;
    private final Path file;
    private final Map<String, FrameParser> parsers;
    private final double speed;
    private final JsonMapper json = VaticJson.mapper();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong parseErrors = new AtomicLong();
    private final AtomicLong unknownVenue = new AtomicLong();
    private final CompletableFuture<Long> finished = new CompletableFuture<>();
    private volatile String state = "STOPPED";
    private volatile Instant lastMessageAt;
    private volatile Thread thread;

    public ReplayFeed(String name, Path file, List<FrameParser> parsers, double speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("replay speed must be >= 0 (0 = as fast as possible)");
        }
        this.name = name;
        this.file = file;
        this.parsers = parsers.stream().collect(Collectors.toMap(FrameParser::venue, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.speed = speed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start(TickSink sink) {
        if (thread != null) {
            return;
        }
        state = "RUNNING";
        thread = Thread.ofPlatform().name("replay-" + name).daemon().start(() -> run(sink));
    }

    private void run(TickSink sink) {
        Instant previous = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && !Thread.currentThread().isInterrupted()) {
                if (line.isBlank()) {
                    continue;
                }
                RecordedFrame frame;
                try {
                    frame = json.readValue(line, RecordedFrame.class);
                } catch (RuntimeException e) {
                    parseErrors.incrementAndGet();
                    continue;
                }
                FrameParser parser = parsers.get(frame.venue());
                if (parser == null) {
                    unknownVenue.incrementAndGet();
                    continue;
                }
                if (speed > 0 && previous != null && frame.receivedTs().isAfter(previous)) {
                    long gapNanos = (long) (Duration.between(previous, frame.receivedTs()).toNanos() / speed);
                    Thread.sleep(Duration.ofNanos(gapNanos));
                }
                previous = frame.receivedTs();
                try {
                    parser.parse(frame.frame(), frame.receivedTs(), sink);
                    frames.incrementAndGet();
                    lastMessageAt = frame.receivedTs();
                } catch (RuntimeException e) {
                    parseErrors.incrementAndGet();
                }
            }
            state = Thread.currentThread().isInterrupted() ? "STOPPED" : "FINISHED";
            log.info("replay {} of {}: {} frames, {} parse errors, {} of unknown venues", state.toLowerCase(),
                    file, frames.get(), parseErrors.get(), unknownVenue.get());
        } catch (InterruptedException e) {
            state = "STOPPED";
        } catch (IOException e) {
            state = "FAILED";
            log.error("replay of {} failed: {}", file, e.toString());
        } finally {
            finished.complete(frames.get());
        }
    }

    /** Completes with the number of frames delivered once the file is read to its end (or the replay stopped). */
    public CompletableFuture<Long> finished() {
        return finished;
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** States: RUNNING, FINISHED (end of file reached), STOPPED, FAILED (file unreadable). */
    @Override
    public FeedStatus status() {
        return new FeedStatus(name, state, lastMessageAt, 0, Map.of("frames", frames.get(),
                "parseErrors", parseErrors.get(), "unknownVenue", unknownVenue.get()));
    }
}
