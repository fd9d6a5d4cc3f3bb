package com.vaticprop.marketdata.venue.fuzz;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.publish.QuoteValidator;
import com.vaticprop.marketdata.publish.TickRoute;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, item 3: every venue parser on its live path (the object the connector's {@code onText} hands each
 * WebSocket text frame to) gets 10,000 seeded mutations of the venue's real messages, interleaved with well-formed
 * frames so books exist for the mutations to damage. Targets: nothing is thrown out of the parser (the connection
 * would only count it), no frame takes longer than {@link #FRAME_BUDGET_MS} (a tiny number like {@code 1E-999999999}
 * must not turn into a billion-digit subtraction), every frame that is not even JSON moves a counter, and nothing
 * the parser emits is a quote or settlement the pipeline's price bounds would refuse, nor a resolved market
 * whose outcomes do not pay exactly 1 between them. Seed override:
 * {@code -Dfuzz.seed=...}; a failure names the seed and the frame index.
 */
class VenueParserFuzzTest {
    static final int MUTATED_FRAMES = 10_000;
    /** One well-formed frame after every this many mutated ones. */
    static final int VALID_EVERY = 4;
    static final long FRAME_BUDGET_MS = 2_000;
    static final long SEED = Long.getLong("fuzz.seed", 20261126L);

    static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("fuzz-parser").factory());
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    static List<VenueFuzzCase> venues() {
        return VenueFuzzCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void mutatedVenueFramesNeitherEscapeNorPublishImpossiblePrices(VenueFuzzCase venue) throws Exception {
        long seed = SEED ^ venue.venue().hashCode();
        Random random = new Random(seed);
        FrameMutator mutator = new FrameMutator(seed);
        VenueCounters counters = new VenueCounters();
        VenueFrameParser parser = venue.parserFactory().apply(counters);
        BoundsCheckingSink sink = new BoundsCheckingSink();
        FuzzReport report = new FuzzReport(venue.venue(), seed);
        Instant receivedTs = Instant.parse("2026-11-26T02:00:00Z");

        long sequence = 1_000;
        int mutated = 0;
        for (int index = 0; mutated < MUTATED_FRAMES; index++) {
            receivedTs = receivedTs.plusMillis(10);
            String valid = venue.validFrame(sequence++, random);
            boolean mutate = index % (VALID_EVERY + 1) != 0;
            FrameMutator.Mutated frame = mutate ? mutator.mutate(valid) : new FrameMutator.Mutated(valid, List.of());
            if (mutate) {
                mutated++;
            }
            report.frames++;
            long countedBefore = total(counters);
            int emittedBefore = sink.emitted();
            Throwable escaped = feed(parser, frame.frame(), receivedTs, sink, report);
            if (escaped != null) {
                report.escaped.add(index + " " + frame.kinds() + " " + escaped + " :: " + clip(frame.frame()));
            }
            if (!isJson(frame.frame())) {
                report.invalidJson++;
                if (total(counters) == countedBefore && sink.emitted() == emittedBefore) {
                    report.uncounted.add(index + " " + frame.kinds() + " :: " + clip(frame.frame()));
                }
            }
            frame.kinds().forEach(kind -> report.kinds.merge(kind, 1, Integer::sum));
            sink.endOfFrame();
            for (String violation : sink.violations) {
                report.boundViolations.add(index + " " + frame.kinds() + " " + violation + " :: " + clip(frame.frame()));
            }
            sink.violations.clear();
            if (report.timedOut) {
                break;
            }
        }
        report.counters = counters.snapshot();
        report.ticks = sink.ticks;
        report.resolutions = sink.resolutions;
        System.out.println(report.summary());

        assertThat(report.timedOut).as("a frame exceeded %d ms (seed %d): %s", FRAME_BUDGET_MS, seed,
                report.escaped).isFalse();
        assertThat(mutated).isEqualTo(MUTATED_FRAMES);
        assertThat(report.escaped).as("exceptions out of the %s parser (seed %d)", venue, seed).isEmpty();
        assertThat(report.boundViolations).as("impossible prices emitted by %s (seed %d)", venue, seed).isEmpty();
        assertThat(report.uncounted).as("malformed %s frames nobody counted (seed %d)", venue, seed).isEmpty();
        assertThat(report.invalidJson).isGreaterThan(1_000);
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).as("parse errors counted").isGreaterThan(0);
        assertThat(sink.ticks).as("well-formed frames still produce ticks between the damaged ones")
                .isGreaterThan(100);
    }

    /** Runs one frame on the worker thread with a time budget; what escaped the parser, or null. */
    private static Throwable feed(VenueFrameParser parser, String frame, Instant receivedTs, TickSink sink,
                                  FuzzReport report) throws InterruptedException {
        Future<Throwable> run = worker.submit(() -> {
            try {
                parser.parse(frame, receivedTs, sink);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        long start = System.nanoTime();
        try {
            return run.get(FRAME_BUDGET_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            report.timedOut = true;
            run.cancel(true);
            return new AssertionError("took more than " + FRAME_BUDGET_MS + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } finally {
            report.slowestMs = Math.max(report.slowestMs, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static boolean isJson(String frame) {
        try {
            return !JsonTree.MAPPER.readTree(frame).isMissingNode();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long total(VenueCounters counters) {
        return counters.snapshot().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String clip(String frame) {
        return frame.length() <= 300 ? frame : frame.substring(0, 300) + "…(" + frame.length() + " chars)";
    }

    /** Checks everything a parser emits against the bounds the publishing pipeline enforces. */
    static final class BoundsCheckingSink implements TickSink {
        final List<String> violations = new ArrayList<>();
        int ticks;
        int confirmations;
        int resolutions;
        int statuses;

        int emitted() {
            return ticks + confirmations + resolutions + statuses;
        }

        @Override
        public void tick(MarketTick tick) {
            ticks++;
            var route = TickRoute.of(tick.instrument());
            if (route.isEmpty()) {
                violations.add("tick for unknown instrument " + tick.instrument());
                return;
            }
            QuoteValidator.Rejection rejection = QuoteValidator.check(tick, route.get().id().assetClass());
            if (rejection != null) {
                violations.add(rejection.tag() + " " + tick);
            }
        }

        @Override
        public void confirmed(String instrument, Instant receivedTs) {
            confirmations++;
            if (TickRoute.of(instrument).isEmpty() || receivedTs == null) {
                violations.add("confirmation of " + instrument + " at " + receivedTs);
            }
        }

        /** Settlements of one frame's non-voided outcomes; a resolved binary market pays exactly 1 in total. */
        private BigDecimal settledInFrame;

        void endOfFrame() {
            if (settledInFrame != null && settledInFrame.compareTo(BigDecimal.ONE) != 0) {
                violations.add("outcomes of one resolved market settle at " + settledInFrame + " in total");
            }
            settledInFrame = null;
        }

        @Override
        public void resolution(MarketResolution resolution) {
            resolutions++;
            if (!Boolean.TRUE.equals(resolution.voided()) && resolution.settlementPrice() != null) {
                settledInFrame = (settledInFrame == null ? BigDecimal.ZERO : settledInFrame)
                        .add(resolution.settlementPrice());
            }
            BigDecimal price = resolution.settlementPrice();
            boolean valid = TickRoute.of(resolution.instrument()).isPresent() && (Boolean.TRUE.equals(resolution.voided())
                    || price != null && price.signum() >= 0 && price.compareTo(BigDecimal.ONE) <= 0);
            if (!valid) {
                violations.add("resolution " + resolution);
            }
        }

        @Override
        public void status(MarketStatusChanged status) {
            statuses++;
            if (TickRoute.of(status.instrument()).isEmpty() || status.status() == null) {
                violations.add("status " + status);
            }
        }
    }

    /** What one venue's run saw, printed for the results file and used by the assertions. */
    static final class FuzzReport {
        final String venue;
        final long seed;
        int frames;
        int invalidJson;
        boolean timedOut;
        long slowestMs;
        int ticks;
        int resolutions;
        Map<String, Long> counters = Map.of();
        final Map<FrameMutator.Kind, Integer> kinds = new EnumMap<>(FrameMutator.Kind.class);
        final List<String> escaped = new ArrayList<>();
        final List<String> uncounted = new ArrayList<>();
        final List<String> boundViolations = new ArrayList<>();

        FuzzReport(String venue, long seed) {
            this.venue = venue;
            this.seed = seed;
        }

        String summary() {
            return "FUZZ " + venue + " seed=" + seed + " frames=" + frames + " invalidJson=" + invalidJson
                    + " ticks=" + ticks + " resolutions=" + resolutions + " escaped=" + escaped.size()
                    + " uncounted=" + uncounted.size() + " boundViolations=" + boundViolations.size()
                    + " slowestMs=" + slowestMs + " kinds=" + kinds + " counters=" + counters
                    + (escaped.isEmpty() ? "" : "\n  first escaped: " + escaped.subList(0, Math.min(5, escaped.size())))
                    + (boundViolations.isEmpty() ? "" : "\n  first violations: "
                    + boundViolations.subList(0, Math.min(5, boundViolations.size())))
                    + (uncounted.isEmpty() ? "" : "\n  first uncounted: "
                    + uncounted.subList(0, Math.min(5, uncounted.size())));
        }
    }
}
