package com.vaticprop.websocket;

import com.vaticprop.websocket.config.ConnectionMemory;
import com.vaticprop.websocket.protocol.CloseCodes;
import com.vaticprop.websocket.support.MalformedFrames;
import com.vaticprop.websocket.support.WsClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, item 3 for the WebSocket service: authenticated clients send 2,040 malformed frames (seeded, see
 * {@link MalformedFrames}) at the running service with its production frame cap of 1 KiB, while a well-behaved client
 * on another connection follows its assessment's stream. Every frame must get its documented answer (an error frame
 * with the README's code, or close 1009 for an oversized one — the client then reconnects), the service must stay up,
 * and the well-behaved client must receive every event, in seq order, with no pause longer than
 * {@link #MAX_STREAM_PAUSE} while the fuzz runs.
 */
@TestPropertySource(properties = "vatic.ws.max-message-bytes=1024")
class StreamFrameFuzzTest extends StreamTestSupport {
    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    static final int WORKERS = 4;
    static final int ANSWERED_PER_WORKER = 500;
    static final int OVERSIZED_PER_WORKER = 10;
    static final int MAX_TEXT_BYTES = 1024;
    static final Duration ANSWER = Duration.ofSeconds(5);
    static final Duration MAX_STREAM_PAUSE = Duration.ofSeconds(2);

    /** What one fuzzing connection saw. */
    record WorkerResult(int sent, Map<String, Integer> categories, List<String> wrongAnswers, int reconnects,
                        int oversizedReset) {
    }

    @Test
    void malformedFramesGetTheirDocumentedAnswerWhileAWellBehavedClientKeepsItsStream() throws Exception {
        UUID foreign = UUID.randomUUID();
        createAssessment(foreign, UUID.randomUUID());
        UUID owner = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        createAssessment(own, owner);
        WsClient good = connectAs(owner);
        good.send(subscribe("assessment:" + own));
        assertThat(good.next().get("op").asString()).isEqualTo("subscribed");

        AtomicBoolean fuzzing = new AtomicBoolean(true);
        AtomicLong lastPublished = new AtomicLong(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        List<Future<WorkerResult>> workers = new ArrayList<>();
        long start = System.nanoTime();
        try {
            pool.submit(() -> {
                while (fuzzing.get()) {
                    EVENTS.seq(own, owner, lastPublished.get() + 1);
                    lastPublished.incrementAndGet();
                    Thread.sleep(20);
                }
                return null;
            });
            for (int w = 0; w < WORKERS; w++) {
                long seed = SEED + w;
                workers.add(pool.submit(() -> fuzz(seed, foreign)));
            }
            List<Long> offsets = new ArrayList<>();
            Duration longestPause = Duration.ZERO;
            long previousArrival = System.nanoTime();
            while (workers.stream().anyMatch(f -> !f.isDone())) {
                List<JsonNode> frames = good.drain(Duration.ofMillis(100));
                for (JsonNode frame : frames) {
                    if ("event".equals(frame.get("op").asString()) && !frame.get("offset").isNull()) {
                        offsets.add(Long.parseLong(frame.get("offset").asString()));
                        long now = System.nanoTime();
                        Duration pause = Duration.ofNanos(now - previousArrival);
                        longestPause = pause.compareTo(longestPause) > 0 ? pause : longestPause;
                        previousArrival = now;
                    }
                }
            }
            fuzzing.set(false);
            long fuzzMillis = (System.nanoTime() - start) / 1_000_000;
            long last = lastPublished.get();
            while (offsets.isEmpty() || offsets.getLast() < last) {
                JsonNode frame = good.next(Duration.ofSeconds(10));
                if ("event".equals(frame.get("op").asString()) && !frame.get("offset").isNull()) {
                    offsets.add(Long.parseLong(frame.get("offset").asString()));
                }
            }

            List<WorkerResult> results = new ArrayList<>();
            for (Future<WorkerResult> worker : workers) {
                results.add(worker.get());
            }
            int sent = results.stream().mapToInt(WorkerResult::sent).sum();
            Map<String, Integer> categories = new TreeMap<>();
            results.forEach(r -> r.categories().forEach((k, v) -> categories.merge(k, v, Integer::sum)));
            List<String> wrong = results.stream().flatMap(r -> r.wrongAnswers().stream()).toList();
            int oversizedReset = results.stream().mapToInt(WorkerResult::oversizedReset).sum();
            System.out.println("WSFUZZ seed=" + SEED + " frames=" + sent + " categories=" + categories
                    + " reconnects=" + results.stream().mapToInt(WorkerResult::reconnects).sum()
                    + " oversizedReset=" + oversizedReset
                    + " wrongAnswers=" + wrong.size() + " fuzzMs=" + fuzzMillis + " streamEvents=" + offsets.size()
                    + " longestPauseMs=" + longestPause.toMillis()
                    + (wrong.isEmpty() ? "" : "\n  first wrong: " + wrong.subList(0, Math.min(10, wrong.size()))));

            assertThat(sent).isEqualTo(WORKERS * (ANSWERED_PER_WORKER + OVERSIZED_PER_WORKER));
            assertThat(wrong).as("frames without their documented answer (seed %d)", SEED).isEmpty();
            assertThat(oversizedReset).as("oversized frames answered by a reset instead of the 1009 close frame")
                    .isLessThan(WORKERS * OVERSIZED_PER_WORKER / 2);
            assertThat(offsets).as("the well-behaved client's stream: every event once, in seq order")
                    .containsExactlyElementsOf(range(offsets.getFirst(), last));
            assertThat(offsets.getFirst()).isLessThanOrEqualTo(3L);
            assertThat(offsets.size()).as("events streamed during the fuzz").isGreaterThan(20);
            assertThat(longestPause).as("longest pause of the stream while the fuzz ran").isLessThan(MAX_STREAM_PAUSE);
            assertServiceStillServes();
        } finally {
            fuzzing.set(false);
            pool.shutdownNow();
        }
    }

    /** One fuzzing connection: each frame is sent and its answer awaited before the next. */
    private WorkerResult fuzz(long seed, UUID foreign) {
        MalformedFrames frames = new MalformedFrames(seed, foreign, MAX_TEXT_BYTES,
                ConnectionMemory.MAX_BINARY_MESSAGE_BYTES);
        Map<String, Integer> categories = new TreeMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        int total = ANSWERED_PER_WORKER + OVERSIZED_PER_WORKER;
        int every = total / OVERSIZED_PER_WORKER;
        int reconnects = 0;
        int oversizedReset = 0;
        WsClient client = WsClient.connect(port(), "ticket=" + IDENTITY.ticket(UUID.randomUUID().toString(),
                "TRADER"));
        try {
            for (int i = 0; i < total; i++) {
                MalformedFrames.Probe probe = i % every == every - 1 ? frames.oversized() : frames.answered();
                categories.merge(probe.category(), 1, Integer::sum);
                String problem;
                try {
                    if (probe.text() != null) {
                        client.send(probe.text());
                    } else {
                        client.sendBinary(probe.binary());
                    }
                    problem = answerProblem(client, probe);
                    if (problem != null && resetOnOversized(client, probe)) {
                        oversizedReset++;
                        problem = null;
                    }
                } catch (RuntimeException e) {
                    // an oversized frame may be refused before the client finished writing it: the close is the answer
                    int code = client.closeCode(ANSWER);
                    boolean refusedMidSend = probe.expect() == MalformedFrames.Expect.CLOSE_1009
                            && code == CloseCodes.MESSAGE_TOO_BIG;
                    problem = refusedMidSend ? null : "could not be sent, the connection was closed " + code + ": " + e;
                }
                if (problem != null) {
                    wrong.add(i + " " + probe.describe() + " → " + problem);
                }
                if (probe.expect() == MalformedFrames.Expect.CLOSE_1009 || client.isClosed()) {
                    client.close();
                    client = WsClient.connect(port(), "ticket=" + IDENTITY.ticket(UUID.randomUUID().toString(),
                            "TRADER"));
                    reconnects++;
                }
            }
        } finally {
            client.close();
        }
        return new WorkerResult(total, categories, wrong, reconnects, oversizedReset);
    }

    /**
     * True when an oversized frame's connection ended in a TCP reset instead of the 1009 close frame. Tomcat sends
     * 1009 and closes while the client may still be writing the frame; the unread bytes make the kernel reset the
     * connection, and a reset discards the close frame already in the client's receive buffer. The service did
     * refuse the frame; the test still requires most oversized frames to show the 1009 itself.
     */
    private static boolean resetOnOversized(WsClient client, MalformedFrames.Probe probe) {
        return probe.expect() == MalformedFrames.Expect.CLOSE_1009 && client.isClosed()
                && client.closeCode(Duration.ZERO) == -1 && client.error() instanceof IOException;
    }

    /** Null when the service answered as documented, else what it did instead. */
    private static String answerProblem(WsClient client, MalformedFrames.Probe probe) {
        if (probe.expect() == MalformedFrames.Expect.CLOSE_1009) {
            int code = client.closeCode(ANSWER);
            return code == CloseCodes.MESSAGE_TOO_BIG ? null : "closed " + code + (code == -1 ? " " + client.error() : "");
        }
        JsonNode answer;
        try {
            answer = client.next(ANSWER);
        } catch (AssertionError e) {
            return client.isClosed() ? "closed " + client.closeCode(Duration.ofMillis(10)) : "no answer";
        }
        int expected = probe.expect() == MalformedFrames.Expect.ERROR_4003 ? CloseCodes.FORBIDDEN
                : CloseCodes.BAD_REQUEST;
        boolean ok = "error".equals(answer.path("op").asString()) && answer.path("code").asInt() == expected
                && !answer.path("message").asString().isBlank();
        return ok ? null : answer.toString();
    }

    private void assertServiceStillServes() throws Exception {
        WsClient fresh = connectAs(UUID.randomUUID());
        fresh.send(Map.of("op", "ping"));
        assertThat(fresh.next().get("op").asString()).isEqualTo("pong");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
