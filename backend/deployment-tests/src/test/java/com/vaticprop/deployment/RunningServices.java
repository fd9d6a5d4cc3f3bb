package com.vaticprop.deployment;

import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.testkit.FreePorts;
import com.vaticprop.testkit.TestInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The five services as they run in a pod: each from its executable jar (the one the Dockerfile unpacks), in a process
 * of its own, configured only through environment variables, on ephemeral ports, against the test infrastructure's
 * embedded Kafka, PostgreSQL and Redis. The jars must have been built ({@code package}) in the same reactor.
 */
public final class RunningServices implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<ServiceKind, Process> processes = new EnumMap<>(ServiceKind.class);
    private final Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
    private final Path logs;
    private final Map<String, String> environment = new HashMap<>();

    private RunningServices(Path logs) {
        this.logs = logs;
    }

    public static RunningServices start(Map<String, String> extraEnvironment) throws IOException {
        Path logs = Manifests.root().resolve("backend/deployment-tests/target/service-logs");
        Files.createDirectories(logs);
        RunningServices services = new RunningServices(logs);
        for (ServiceKind kind : ServiceKind.values()) {
            services.ports.put(kind, FreePorts.any());
        }
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "development");
        env.put("DATABASE_URL", TestInfrastructure.newDatabase("deployment_services"));
        env.put("REDIS_HOST", TestInfrastructure.redis().host());
        env.put("REDIS_PORT", Integer.toString(TestInfrastructure.redis().port()));
        if (TestInfrastructure.redis().password() != null) {
            env.put("REDIS_PASSWORD", TestInfrastructure.redis().password());
        }
        env.put("KAFKA_BROKERS", TestInfrastructure.kafka().bootstrapServers());
        env.put("KAFKA_TOPIC_PARTITIONS", "3");
        env.put("KAFKA_TOPIC_REPLICATION", "1");
        env.put("CORE_JWKS_URL", services.url(ServiceKind.CORE) + "/.well-known/jwks.json");
        env.put("CORE_URL", services.url(ServiceKind.CORE));
        env.put("MONTECARLO_URL", services.url(ServiceKind.MONTE_CARLO));
        env.put("SERVICE_CLIENT_ID", "report-service");
        env.put("SERVICE_CLIENT_SECRET", "deployment-tests-report-secret");
        env.putAll(extraEnvironment);
        services.environment.putAll(env);
        Path workDir = Files.createTempDirectory("vatic-services"); // no developer ./.env is picked up
        for (ServiceKind kind : ServiceKind.values()) {
            services.processes.put(kind, services.launch(kind, env, workDir));
        }
        return services;
    }

    private Process launch(ServiceKind kind, Map<String, String> env, Path workDir) throws IOException {
        String name = kind.serviceName();
        Path jar = Manifests.serviceDir(name).resolve("target").resolve(name + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build the services in the same reactor first "
                    + "(./mvnw package -pl …,backend/deployment-tests, or ./run-tests)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xss512k", "-jar", jar.toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("KAFKA_")
                || k.startsWith("REDIS_") || k.equals("DATABASE_URL"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(ports.get(kind)));
        builder.environment().put("KAFKA_CLIENT_ID", name);
        builder.directory(workDir.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(logs.resolve(name + ".log").toFile());
        return builder.start();
    }

    /** The environment every service got (DATABASE_URL, KAFKA_BROKERS …). */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String url(ServiceKind kind) {
        return "http://127.0.0.1:" + ports.get(kind);
    }

    public Path log(ServiceKind kind) {
        return logs.resolve(kind.serviceName() + ".log");
    }

    public HttpResponse<String> get(ServiceKind kind, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(kind) + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until every service answers /ready with 200; fails naming the ones that did not (or died). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ServiceKind> notReady = processes.keySet().stream().filter(k -> {
                if (!processes.get(k).isAlive()) {
                    throw new AssertionError(k.serviceName() + " exited with " + processes.get(k).exitValue()
                            + "; see " + log(k));
                }
                HttpResponse<String> r = get(k, "/ready");
                return r == null || r.statusCode() != 200;
            }).toList();
            if (notReady.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready after " + timeout + ": " + notReady + "; logs in " + logs);
            }
            Thread.sleep(1_000);
        }
    }

    /** SIGTERM (each drains gracefully), then a hard kill for whatever outlives the grace period. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
