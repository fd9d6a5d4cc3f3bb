package com.vaticprop.devstack;

import com.vaticprop.testkit.EmbeddedKafkaServer;
import com.vaticprop.testkit.EmbeddedPostgresServer;
import com.vaticprop.testkit.EmbeddedRedisServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole platform on one machine with one command: embedded Kafka (KRaft), PostgreSQL and Redis on ports that do
 * not clash with a machine's own (19092, 15432, 16379) — or the external ones that KAFKA_BROKERS, DATABASE_URL and
 * REDIS_HOST name — then the five services as separate processes, as they run in production. Ctrl-C stops the
 * services gracefully and then the infrastructure.
 */
public final class DevStack {

    public static final int POSTGRES_PORT = 15432;
    public static final int REDIS_PORT = 16379;
    public static final int KAFKA_PORT = 19092;
    public static final String DATABASE = "vatic";

    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        DevStack stack = new DevStack();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM stop the stack before the JVM's shutdown hooks run: the hooks run concurrently, and the
        // Kafka test kit's hook deletes the broker's directories while the broker is still shutting down.
        for (String signal : List.of("INT", "TERM")) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                stack.stop();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "devstack-stop"));
        boolean exitWhenReady = List.of(args).contains("--exit-when-ready");
        boolean ok = stack.start(Path.of(System.getProperty("vatic.root", ".")).toAbsolutePath().normalize());
        if (exitWhenReady || !ok) {
            System.exit(ok ? 0 : 1);
        }
        stopped.await();
    }

    boolean start(Path root) throws Exception {
        Instant begin = Instant.now();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APP_ENV", "development");
        env.put("DATABASE_URL", external("DATABASE_URL").orElseGet(this::startPostgres));
        String redisHost = external("REDIS_HOST").orElse(null);
        if (redisHost == null) {
            startRedis();
            env.put("REDIS_HOST", "127.0.0.1");
            env.put("REDIS_PORT", Integer.toString(REDIS_PORT));
        } else {
            env.put("REDIS_HOST", redisHost);
            external("REDIS_PORT").ifPresent(p -> env.put("REDIS_PORT", p));
        }
        env.put("KAFKA_BROKERS", external("KAFKA_BROKERS").orElseGet(this::startKafka));
        env.put("KAFKA_TOPIC_PARTITIONS", "3");
        env.put("KAFKA_TOPIC_REPLICATION", "1");
        env.put("CORE_JWKS_URL", "http://127.0.0.1:3000/.well-known/jwks.json");
        env.put("CORE_URL", "http://127.0.0.1:3000");
        env.put("MONTECARLO_URL", "http://127.0.0.1:3002");
        env.put("SERVICE_CLIENT_ID", "report-service");
        env.put("SERVICE_CLIENT_SECRET", "devstack-report-secret");
        env.put("CORS_ALLOWED_ORIGINS", corsOrigins());
        System.out.printf("infrastructure ready in %d ms%n", Duration.between(begin, Instant.now()).toMillis());

        String console = startConsole(root);
        Path logs = root.resolve("target/devstack-logs");
        java.nio.file.Files.createDirectories(logs);
        for (ServiceProcess.Spec spec : ServiceProcess.Spec.ALL) {
            services.add(ServiceProcess.launch(root, spec, env, logs));
        }
        boolean allUp = ServiceProcess.awaitHealthy(services, Duration.ofSeconds(
                Long.getLong("vatic.devstack.timeout-seconds", 120)));
        long elapsed = Duration.between(begin, Instant.now()).toMillis();
        System.out.println();
        System.out.printf("%-22s %-28s %s%n", "service", "url", "state");
        for (ServiceProcess s : services) {
            System.out.printf("%-22s %-28s %s%n", s.spec().name(), s.url(), s.state());
        }
        System.out.println();
        System.out.println("Trader console: " + console);
        System.out.println("Swagger UI: http://127.0.0.1:3000/swagger-ui.html (and :3001-:3004); logs in " + logs);
        System.out.println("Kafka " + env.get("KAFKA_BROKERS") + " | PostgreSQL " + env.get("DATABASE_URL")
                + " | Redis " + env.get("REDIS_HOST") + ":" + env.getOrDefault("REDIS_PORT", "6379"));
        System.out.printf(allUp ? "platform ready in %d ms; Ctrl-C stops it%n"
                : "platform NOT ready after %d ms; see the logs above%n", elapsed);
        return allUp;
    }

    /** The console's origins, plus any a developer adds in CORS_ALLOWED_ORIGINS (e.g. a page served elsewhere). */
    private static String corsOrigins() {
        List<String> origins = new ArrayList<>(ConsoleServer.ORIGINS);
        external("CORS_ALLOWED_ORIGINS").ifPresent(extra -> origins.add(0, extra));
        return String.join(",", origins);
    }

    /**
     * The trader console on :3005. A taken port or a missing page is reported, not fatal: the platform itself is
     * still useful without the page (the demo and the APIs do not need it).
     */
    private String startConsole(Path root) {
        try {
            ConsoleServer console = ConsoleServer.start(root);
            infrastructure.add(console);
            return console.url();
        } catch (java.io.IOException e) {
            System.out.println("trader console NOT served: " + e.getMessage());
            return "not served (" + e.getMessage() + ")";
        }
    }

    private static java.util.Optional<String> external(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    private String startPostgres() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(POSTGRES_PORT);
        infrastructure.add(postgres);
        postgres.createDatabase(DATABASE);
        System.out.println("PostgreSQL (embedded) on 127.0.0.1:" + POSTGRES_PORT);
        return postgres.databaseUrl(DATABASE);
    }

    private void startRedis() {
        infrastructure.add(EmbeddedRedisServer.start(REDIS_PORT));
        System.out.println("Redis (embedded) on 127.0.0.1:" + REDIS_PORT);
    }

    private String startKafka() {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(KAFKA_PORT);
        infrastructure.add(kafka);
        System.out.println("Kafka (embedded KRaft) on " + kafka.bootstrapServers());
        return kafka.bootstrapServers();
    }

    synchronized void stop() {
        if (services.isEmpty() && infrastructure.isEmpty()) {
            return;
        }
        if (!services.isEmpty()) {
            System.out.println("stopping services…");
            ServiceProcess.stopAll(services, Duration.ofSeconds(25));
            services.clear();
        }
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + infrastructure.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        infrastructure.clear();
        System.out.println("devstack stopped");
    }
}
