package com.vaticprop.platform.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every readiness check in parallel, each bounded by a short timeout so /ready answers quickly even when a
 * dependency hangs, and logs one line each time a dependency goes down or comes back (not on every probe).
 */
public final class ReadinessService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadinessService.class);

    private final List<ReadinessCheck> checks;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Boolean> lastState = new ConcurrentHashMap<>();

    public ReadinessService(List<ReadinessCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    public Report check() {
        Map<String, Future<Long>> running = new LinkedHashMap<>();
        for (ReadinessCheck c : checks) {
            running.put(c.name(), executor.submit(() -> {
                long start = System.nanoTime();
                c.check();
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        Map<String, CheckResult> results = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        running.forEach((name, future) -> {
            CheckResult result;
            try {
                long latency = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                result = new CheckResult("UP", latency, null);
            } catch (TimeoutException e) {
                future.cancel(true);
                result = new CheckResult("DOWN", null, "no answer within " + timeout.toMillis() + " ms");
            } catch (java.util.concurrent.ExecutionException e) {
                result = new CheckResult("DOWN", null, describe(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new CheckResult("DOWN", null, "interrupted");
            }
            results.put(name, result);
            logTransition(name, result);
        });
        boolean up = results.values().stream().allMatch(r -> r.status().equals("UP"));
        return new Report(up ? "UP" : "DOWN", results);
    }

    private void logTransition(String name, CheckResult result) {
        boolean up = result.status().equals("UP");
        Boolean previous = lastState.put(name, up);
        if (previous == null && up) {
            return;
        }
        if (previous == null || previous != up) {
            if (up) {
                log.info("readiness: {} is reachable again", name);
            } else {
                log.warn("readiness: {} is unavailable: {}", name, result.error());
            }
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The outcome of one probe: UP only when every dependency is. */
    public record Report(String status, Map<String, CheckResult> checks) {
        public boolean up() {
            return status.equals("UP");
        }
    }

    public record CheckResult(String status, Long latencyMs, String error) {
    }
}
