package com.vaticprop.benchmarks.websocket;

import com.vaticprop.testkit.EmbeddedKafkaServer;
import com.vaticprop.testkit.EmbeddedRedisServer;
import com.vaticprop.testkit.FreePorts;
import com.vaticprop.testkit.identity.TestIdentity;
import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * WebSocket load run (issue 7, "Performance"): websocket-service in its own JVM on an embedded KRaft broker and a real
 * redis-server, a local JWKS; N traders each holding one authenticated connection (a ws-ticket of their own)
 * subscribed to their own {@code assessment:} channel and one conflated {@code market:} channel; seq events for
 * every assessment and ticks published to Kafka at a fixed rate; the connections held for the measured window.
 * Prints messages/s delivered by kind, the latency Kafka record time → client receive (p50/p99/p99.9/max), the order
 * check (every connection's offsets must go up by one), the server's heap per idle connection (full GC before and
 * after the connections, idle) and its CPU, and in the same run the baseline: the same server's bare broadcast
 * endpoint ({@code /bench/broadcast}, no Kafka, Redis or routing) to the same number of connections at the same
 * per-connection rate.
 *
 * <p>Arguments: {@code jar connections seconds baselineSeconds seqPerAssessmentPerSecond ticksPerInstrumentPerSecond
 * warmupSeconds} (see websocket-benchmark.sh). Server JVM options: {@code SERVER_JAVA_OPTS}.
 */
public final class WebSocketLoadHarness {

    private static final List<String> INSTRUMENTS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int baselineSeconds = Integer.parseInt(args[3]);
        double seqRate = Double.parseDouble(args[4]);
        double tickRate = Double.parseDouble(args[5]);
        int warmup = Integer.parseInt(args[6]);
        Path out = Path.of("backend/benchmarks/target/websocket-benchmark");
        Files.createDirectories(out);
        List<String> serverOpts = Arrays.asList(System.getenv().getOrDefault("SERVER_JAVA_OPTS",
                "-Xms2g -Xmx2g -XX:+UseG1GC").trim().split("\\s+"));

        System.out.printf("connections %d, measured %d s after %d s warm-up, baseline %d s; per connection: %.2f"
                        + " assessment events/s + %.2f ticks/s (offered %.0f msg/s); server JVM %s%n", connections,
                seconds, warmup, baselineSeconds, seqRate, tickRate, connections * (seqRate + tickRate), serverOpts);
        long t0 = System.nanoTime();
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0);
             EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
             TestIdentity identity = new TestIdentity()) {
            int port = FreePorts.any();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BROKERS", kafka.bootstrapServers());
            env.put("KAFKA_CLIENT_ID", "websocket-benchmark");
            env.put("REDIS_HOST", "127.0.0.1");
            env.put("REDIS_PORT", Integer.toString(redis.port()));
            env.put("CORE_JWKS_URL", identity.jwksUrl());
            env.put("LOG_LEVEL", "WARN");
            env.put("VATIC_DOTENV_DISABLED", "true");
            env.put("VATIC_WS_BENCHMARK_BROADCAST_PER_SECOND", Double.toString(seqRate + tickRate));
            try (ServerProcess server = ServerProcess.launch(jar, serverOpts, env, port, out.resolve("server.log"))) {
                server.awaitReady(Duration.ofSeconds(120));
                System.out.printf("server pid %d on port %d, redis-server on port %d, Kafka %s%n", server.pid(),
                        port, redis.port(), kafka.bootstrapServers());
                InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
                System.out.printf("infrastructure and server up in %.1f s%n", (System.nanoTime() - t0) / 1e9);

                List<UUID> assessments = new ArrayList<>();
                List<UUID> users = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    assessments.add(UUID.randomUUID());
                    users.add(UUID.randomUUID());
                }
                try (EventLoad load = new EventLoad(kafka.bootstrapServers(), assessments, users, INSTRUMENTS)) {
                    load.createAll();
                    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    // each assessment.created leaves an owner key and a history stream
                    while (ServerProcess.redisKeys(redis.port()) < 2L * connections) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("owners not recorded: "
                                    + ServerProcess.redisKeys(redis.port()));
                        }
                        Thread.sleep(200);
                    }
                    long heapBefore = server.heapUsedAfterGc();
                    Map<String, Long> classesBefore = server.classHistogram();

                    WsLoadClients clients = new WsLoadClients(2);
                    long c0 = System.nanoTime();
                    for (int i = 0; i < connections; i++) {
                        while (i - clients.handshakes.get() - clients.handshakeFailures.get() > 200) {
                            Thread.sleep(1);
                        }
                        String a = assessments.get(i).toString();
                        String ticket = identity.ticket(users.get(i).toString(), "TRADER");
                        clients.open(address, "/ws?ticket=" + ticket + "&assessment_id=" + a, List.of(
                                "{\"op\":\"subscribe\",\"channel\":\"assessment:" + a + "\"}",
                                "{\"op\":\"subscribe\",\"channel\":\"market:"
                                        + INSTRUMENTS.get(i % INSTRUMENTS.size()) + "\"}"));
                    }
                    deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    while (clients.subscribed.get() + 2 * clients.handshakeFailures.get() < 2 * connections
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    double connectSeconds = (System.nanoTime() - c0) / 1e9;
                    System.out.printf("connected %d (%d refused) and subscribed %d channels in %.1f s (%.0f"
                                    + " connections/s); errors %s%n", clients.handshakes.get(),
                            clients.handshakeFailures.get(), clients.subscribed.get(), connectSeconds,
                            clients.handshakes.get() / connectSeconds, clients.errors());
                    Thread.sleep(2000);
                    long heapIdle = server.heapUsedAfterGc();
                    double perConnection = (heapIdle - heapBefore) / (double) Math.max(1, clients.open.get());
                    System.out.printf("server heap after full GC: %.1f MB before connections, %.1f MB with %d idle"
                                    + " subscribed connections -> %.1f KB per idle connection%n", heapBefore / 1e6,
                            heapIdle / 1e6, clients.open.get(), perConnection / 1024);
                    printLargestGrowth(classesBefore, server.classHistogram(), clients.open.get());

                    load.start(seqRate, tickRate);
                    Thread.sleep(warmup * 1000L);
                    Result routed = measure("routed /ws", server, clients, seconds, load);
                    load.stop();
                    System.out.printf("producer: %d seq events, %d ticks, %d send errors; order check: %d gaps, %d"
                                    + " out-of-order or repeated offsets; closes %s%n", load.seqEventsSent.get(),
                            load.ticksSent.get(), load.sendErrors.get(), clients.gaps.get(),
                            clients.duplicates.get(), clients.closeCodes());
                    clients.close();
                    awaitServerConnections(server, 0);

                    WsLoadClients bare = new WsLoadClients(2);
                    for (int i = 0; i < connections; i++) {
                        while (i - bare.handshakes.get() - bare.handshakeFailures.get() > 200) {
                            Thread.sleep(1);
                        }
                        bare.open(address, "/bench/broadcast", List.of());
                    }
                    awaitHandshakes(bare, connections);
                    Thread.sleep(Math.min(warmup, 10) * 1000L);
                    Result baseline = measure("baseline /bench/broadcast", server, bare, baselineSeconds, null);
                    System.out.printf("baseline closes %s%n", bare.closeCodes());
                    bare.close();

                    System.out.printf("RESULT routed %.0f msg/s (%.0f%% per-assessment), p99 %.1f ms; baseline %.0f"
                                    + " msg/s, p99 %.1f ms; ratio routed/baseline %.2f; heap %.1f KB per idle"
                                    + " connection%n", routed.perSecond, routed.assessmentShare * 100,
                            routed.p99Ms, baseline.perSecond, baseline.p99Ms,
                            routed.perSecond / baseline.perSecond, perConnection / 1024);
                }
            }
        }
    }

    /** Where the idle connections' heap went: the classes that grew most, per connection. */
    private static void printLargestGrowth(Map<String, Long> before, Map<String, Long> after, int connections) {
        StringBuilder sb = new StringBuilder("  largest growth per idle connection:");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(30)
                .forEach(e -> sb.append(String.format(" %s %.0f B;", e.getKey(),
                        e.getValue() / (double) Math.max(1, connections))));
        System.out.println(sb);
    }

    private static void awaitHandshakes(WsLoadClients clients, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (clients.handshakes.get() + clients.handshakeFailures.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("baseline: %d connected, %d refused%n", clients.handshakes.get(),
                clients.handshakeFailures.get());
    }

    private static void awaitServerConnections(ServerProcess server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.metric("vatic_ws_connections") > n && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private record Result(double perSecond, double assessmentShare, double p99Ms) {
    }

    private static Result measure(String name, ServerProcess server, WsLoadClients clients, int seconds,
                                  EventLoad load) throws Exception {
        double load0 = loadAverage();
        double cpu0 = server.cpuSeconds();
        double out0 = server.metric("vatic_ws_messages_out_total");
        long seq0 = load == null ? 0 : load.seqEventsSent.get();
        long ticks0 = load == null ? 0 : load.ticksSent.get();
        clients.recording(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        WsLoadClients.Window w = clients.window();
        double elapsed = (System.nanoTime() - start) / 1e9;
        clients.recording(false);
        double cpu = server.cpuSeconds() - cpu0;
        double out = server.metric("vatic_ws_messages_out_total") - out0;
        Histogram h = w.latencyMicros();
        double perSecond = w.total() / elapsed;
        double assessmentShare = w.count(WsLoadClients.Kind.ASSESSMENT) / (double) Math.max(1, w.total());
        System.out.printf("%s, %s UTC, %.0f s, %d connections open: %.0f msg/s received (assessment %.0f/s, market"
                        + " %.0f/s, bench %.0f/s, other %d); server frames out %.0f/s; latency ms p50 %.1f p90 %.1f"
                        + " p99 %.1f p99.9 %.1f max %.1f (%d samples); server CPU %.2f cores (%.0f msg per"
                        + " CPU-second); load average %.2f -> %.2f%n",
                name, Instant.now(), elapsed, clients.open.get(), perSecond,
                w.count(WsLoadClients.Kind.ASSESSMENT) / elapsed, w.count(WsLoadClients.Kind.MARKET) / elapsed,
                w.count(WsLoadClients.Kind.BENCH) / elapsed, w.count(WsLoadClients.Kind.OTHER), out / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                h.getTotalCount(), cpu / elapsed, w.total() / Math.max(0.001, cpu), load0, loadAverage());
        if (load != null) {
            System.out.printf("  offered in the window: %.0f seq events/s, %.0f ticks/s into Kafka%n",
                    (load.seqEventsSent.get() - seq0) / elapsed, (load.ticksSent.get() - ticks0) / elapsed);
        }
        return new Result(perSecond, assessmentShare, h.getValueAtPercentile(99) / 1000.0);
    }

    private static double loadAverage() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
