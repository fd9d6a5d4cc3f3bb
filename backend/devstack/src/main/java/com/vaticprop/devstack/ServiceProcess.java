package com.vaticprop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service of the devstack, running from its executable jar in a process of its own. */
final class ServiceProcess {

    record Spec(String name, int port) {
        static final List<Spec> ALL = List.of(
                new Spec("core-service", 3000),
                new Spec("market-data-service", 3001),
                new Spec("monte-carlo-service", 3002),
                new Spec("websocket-service", 3003),
                new Spec("report-service", 3004));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Spec spec;
    private final Process process;

    private ServiceProcess(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static ServiceProcess launch(Path root, Spec spec, Map<String, String> env, Path logs) throws IOException {
        Path jar = root.resolve("backend").resolve(spec.name()).resolve("target").resolve(spec.name() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (./run-local does)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-jar", jar.toString());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(spec.port()));
        builder.environment().put("KAFKA_CLIENT_ID", spec.name());
        builder.directory(root.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(logs.resolve(spec.name() + ".log").toFile());
        return new ServiceProcess(spec, builder.start());
    }

    Spec spec() {
        return spec;
    }

    String url() {
        return "http://127.0.0.1:" + spec.port();
    }

    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String state() {
        if (!process.isAlive()) {
            return "EXITED (" + process.exitValue() + ")";
        }
        return "health " + status("/health") + ", ready " + status("/ready") + ", metrics " + status("/metrics");
    }

    private boolean up() {
        return process.isAlive() && status("/health") == 200 && status("/ready") == 200 && status("/metrics") == 200;
    }

    /** Waits until every service answers 200 on /health, /ready and /metrics, or one dies, or time runs out. */
    static boolean awaitHealthy(List<ServiceProcess> services, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (ServiceProcess s : services) {
                if (!s.process.isAlive()) {
                    return false;
                }
                all &= s.up();
            }
            if (all) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** SIGTERM to all (each shuts down gracefully), then a hard kill for whatever is still alive at the deadline. */
    static void stopAll(List<ServiceProcess> services, Duration grace) {
        services.forEach(s -> s.process.destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ServiceProcess s : services) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!s.process.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    s.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s.process.destroyForcibly();
            }
        }
    }
}
