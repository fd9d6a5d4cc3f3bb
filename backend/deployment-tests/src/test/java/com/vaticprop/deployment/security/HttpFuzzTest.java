package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At least 10,000 malformed requests ({@link MalformedRequests}) spread over every operation of the five services'
 * OpenAPI documents, nine in ten as a trader of its own and one in ten as the admin, four at a time. Targets:
 * no answer ≥ 500 and none missing, no state-changing request with a definite flaw accepted, the services still
 * healthy afterwards, and the trader's and the admin-owned state exactly as before ({@link StateSnapshot}).
 *
 * <p>Reproducible: the seed is printed (and written to {@code target/http-fuzz-summary.txt}); rerun one with
 * {@code -Dfuzz.seed=<seed>} (and {@code -Dfuzz.cases=<n>} for a different size). CI runs {@link #CI_SEED}, so that
 * a red build always means a change broke something; {@code -Dfuzz.seed=random} explores new inputs (a random run
 * found {@code "tif": ""} accepted as GTC — CI_SEED is that run's seed, which now passes).
 */
class HttpFuzzTest {

    private static final int CASES = Integer.getInteger("fuzz.cases", 10_500);
    private static final int THREADS = 4;
    static final long CI_SEED = 894776348097746797L;

    @Test
    void malformedRequestsAreRefusedWithoutA5xxAndChangeNothing() throws Exception {
        String asked = System.getProperty("fuzz.seed", Long.toString(CI_SEED));
        long seed = "random".equals(asked) ? new SecureRandom().nextLong() : Long.parseLong(asked);
        System.out.println("HTTP fuzz seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        Sessions sessions = Sessions.get();
        LiveApi api = sessions.api();
        Sessions.Trader trader = sessions.newTrader("fuzz");
        TraderResources resources = TraderResources.create(api, trader);
        String admin = sessions.token(Actor.ADMIN);
        StateSnapshot before = StateSnapshot.take(api, trader, resources, admin);

        List<ApiOperation> operations = PublishedApis.all(api);
        MalformedRequests generator = new MalformedRequests(operations, new MalformedRequests.Targets(
                resources.assessmentId(), resources.openOrderId(), resources.purchaseId(), resources.simulationId(),
                trader.id(), TraderResources.TIER), seed);

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> perService = new ConcurrentHashMap<>();
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        LongAdder mustReject = new LongAdder();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < CASES; i = next.getAndIncrement()) {
                        Actor actor = i % 10 == 9 ? Actor.ADMIN : Actor.TRADER_A;
                        FuzzCase c = generator.generate(i, actor);
                        String token = actor == Actor.ADMIN ? admin : trader.token();
                        HttpResponse<String> r;
                        try {
                            r = api.send(c.service(), c.method(), c.pathAndQuery(), token, c.contentType(), c.body(),
                                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                        } catch (UncheckedIOException | IllegalArgumentException e) {
                            serverErrors.add("no answer (" + e + "): " + c.describe());
                            continue;
                        }
                        statuses.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
                        perService.computeIfAbsent(c.service().serviceName(), k -> new LongAdder()).increment();
                        if (c.mustReject()) {
                            mustReject.increment();
                        }
                        if (r.statusCode() >= 500) {
                            serverErrors.add(r.statusCode() + " " + abbreviate(r.body()) + " ← " + c.describe());
                        } else if (c.mustReject() && r.statusCode() < 300) {
                            accepted.add(r.statusCode() + " " + abbreviate(r.body()) + " ← " + c.describe());
                        }
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Map<String, Integer> health = new TreeMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            HttpResponse<String> h = api.services().get(kind, "/health");
            health.put(kind.serviceName(), h == null ? -1 : h.statusCode());
        }
        StateSnapshot after = StateSnapshot.take(api, trader, resources, admin);

        long total = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        String summary = "seed " + seed + ", " + CASES + " cases over " + operations.size() + " operations in "
                + took.toSeconds() + " s (" + THREADS + " threads); answered " + total + "; must-reject cases "
                + mustReject.sum() + "; statuses " + new TreeMap<>(statuses) + "; per service "
                + new TreeMap<>(perService) + "; ≥500 or unanswered " + serverErrors.size()
                + "; definite flaws accepted " + accepted.size() + "; health after " + health;
        System.out.println("HTTP fuzz: " + summary);
        Path out = Path.of("target", "http-fuzz-summary.txt");
        Files.createDirectories(out.getParent());
        List<String> report = new ArrayList<>(List.of(summary));
        synchronized (serverErrors) {
            report.addAll(serverErrors);
        }
        synchronized (accepted) {
            report.addAll(accepted);
        }
        Files.write(out, report, StandardCharsets.UTF_8);

        // every target reported, not only the first one missed
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(total).as("answered requests").isGreaterThanOrEqualTo(10_000L);
            soft.assertThat(serverErrors).as("answers ≥ 500 or none (seed " + seed + ")").isEmpty();
            soft.assertThat(accepted).as("state-changing requests with a definite flaw that were accepted (seed "
                    + seed + ")").isEmpty();
            soft.assertThat(health.values()).as("health after the run " + health).containsOnly(200);
            soft.assertThat(after.values()).as("state after the run").isEqualTo(before.values());
        });
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
