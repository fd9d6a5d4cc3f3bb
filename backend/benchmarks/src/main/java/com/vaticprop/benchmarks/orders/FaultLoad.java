package com.vaticprop.benchmarks.orders;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steady order load of the fault scenarios (issue 12, backend/benchmarks/fault-scenarios.sh): like
 * {@link OrderLoad} — traders set up over the public API, closed-loop clients sending 0.001 BTC-USD market orders,
 * alternating BUY/SELL per assessment — but built to be judged afterwards rather than timed: every order core-service
 * <em>acknowledged</em> (201, with its id and status) is written to {@code acked.tsv}, so the scenario can check that
 * none of them is missing from the database after the fault; and every answer is counted per wall-clock second and
 * outcome in {@code series.tsv} (with the slowest answer of that second and whether 503s carried Retry-After), so the
 * scenario can show what clients saw while the fault lasted. Requests time out after 10 s (a hung request is an
 * outcome too: "no answer").
 *
 * <p>usage: {@code FaultLoad <coreUrl> <seconds> <concurrency> <traders> <outDir>}; writes {@code outDir/loading}
 * when the load starts (the scenario times its fault from it) and ends early when {@code outDir/stop} appears (the
 * scenario lets it run on until the platform has recovered from the fault, however long that takes).
 */
public final class FaultLoad {

    private static final String PASSWORD = "fault scenario passphrase 8d1e";
    private static final String TIER = "00841499-b687-3b4d-aebb-c77ae4f04eeb"; // Crypto Two-Step 100K (seed)
    private static final long MIN_GAP_MS = 60;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Pattern CHECK = Pattern.compile("\"check\":\"([A-Z_]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"https://vaticprop.com/problems/([a-z0-9-]+)\"");

    private final String core;
    private final CoreHttp http;
    private final ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    private final Map<Long, Map<String, LongAdder>> perSecond = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> slowestPerSecond = new ConcurrentHashMap<>();

    private FaultLoad(String core) {
        this.core = core;
        this.http = new CoreHttp(core);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: FaultLoad <coreUrl> <seconds> <concurrency> <traders> <outDir>");
            System.exit(64);
        }
        FaultLoad load = new FaultLoad(args[0]);
        load.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
    }

    private void run(int seconds, int concurrency, int count, Path out) throws Exception {
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        List<Trader> traders = setUp(count);
        System.out.printf("set-up: %d traders with a started assessment in %.0f s%n", traders.size(),
                (System.nanoTime() - t0) / 1e9);
        Files.writeString(out.resolve("assessments.txt"),
                String.join("\n", traders.stream().map(t -> t.assessmentId).toList()) + "\n");
        awaitFill(traders.getFirst());
        // fresh tokens (10 min) from the load's start: the set-up of 100 traders can itself take minutes
        Trader.refreshTokens(http, traders);
        // the ws-kill scenario's WebSocket clients (websocket.WsKillClients) authenticate as these traders
        Files.writeString(out.resolve("traders.tsv"),
                String.join("\n", traders.stream().map(t -> t.assessmentId + "\t" + t.accessToken).toList()) + "\n");
        Files.writeString(out.resolve("loading"), Long.toString(System.currentTimeMillis()));
        System.out.printf("loading %d s with %d client threads%n", seconds, concurrency);
        long start = System.nanoTime();
        load(traders, seconds, concurrency, out.resolve("stop"));
        double elapsed = (System.nanoTime() - start) / 1e9;
        write(out);
        Map<String, Long> totals = new TreeMap<>();
        perSecond.values().forEach(m -> m.forEach((k, v) -> totals.merge(k, v.sum(), Long::sum)));
        long filled = totals.getOrDefault("201 FILLED", 0L);
        long answered = totals.entrySet().stream().filter(e -> !e.getKey().startsWith("no answer"))
                .mapToLong(Map.Entry::getValue).sum();
        long serverErrors = totals.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.println("outcomes: " + totals);
        System.out.printf("RESULT orders_per_s=%.1f acked=%d filled=%d answered=%d server_errors=%d no_answer=%d%n",
                filled / elapsed, acked.size(), filled, answered, serverErrors,
                totals.entrySet().stream().filter(e -> e.getKey().startsWith("no answer")).mapToLong(Map.Entry::getValue).sum());
    }

    private List<Trader> setUp(int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Trader>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = "fault-" + run + "-" + i + "@example.com";
                futures.add(pool.submit(() -> {
                    CoreHttp.Tokens tokens = http.registerAndLogIn(email, PASSWORD);
                    return new Trader(email, http.buyAndStart(tokens.access(), TIER), tokens.access(), tokens.refresh());
                }));
            }
            List<Trader> traders = new ArrayList<>();
            for (Future<Trader> f : futures) {
                traders.add(f.get());
            }
            return traders;
        }
    }

    /** The feed may still be warming up: wait (up to 60 s) for one BUY to fill, then flatten it. */
    private void awaitFill(Trader t) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(order(t, "BUY"));
            if (r.statusCode() == 201 && "FILLED".equals(find(STATUS, r.body()))) {
                record(t, r.body());
                HttpResponse<String> sell = http.send(order(t, "SELL"));
                if (sell.statusCode() == 201) {
                    record(t, sell.body());
                }
                return;
            }
            Thread.sleep(1000);
        }
        System.err.println("ABORT: no BTC-USD market order filled within 60 s (is market-data-service publishing?)");
        System.exit(2);
    }

    private void load(List<Trader> traders, int seconds, int concurrency, Path stop) throws InterruptedException {
        BlockingQueue<Trader> queue = new ArrayBlockingQueue<>(traders.size(), false, traders);
        AtomicLong end = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
        Thread watcher = Thread.ofPlatform().daemon().name("stop-file").start(() -> {
            while (!Files.exists(stop)) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            end.set(System.nanoTime());
        });
        long minGap = TimeUnit.MILLISECONDS.toNanos(MIN_GAP_MS);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(Thread.ofPlatform().name("fault-client-" + c).start(() -> {
                try {
                    while (System.nanoTime() < end.get()) {
                        Trader t = Trader.nextPaced(queue, minGap);
                        if (t == null) {
                            continue;
                        }
                        try {
                            t.lastSentNanos = System.nanoTime();
                            send(t);
                        } finally {
                            queue.add(t);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        watcher.interrupt();
    }

    private void send(Trader t) throws InterruptedException {
        long sent = System.nanoTime();
        String outcome;
        try {
            HttpResponse<String> r = http.send(order(t, t.buyNext ? "BUY" : "SELL"));
            outcome = outcome(r);
            if (r.statusCode() == 201) {
                record(t, r.body());
                if (outcome.equals("201 FILLED")) {
                    t.buyNext = !t.buyNext;
                }
            }
        } catch (Exception e) {
            outcome = "no answer (" + e.getClass().getSimpleName() + ")";
            Thread.sleep(100); // core is down or restarting: do not spin
        }
        long second = System.currentTimeMillis() / 1000;
        perSecond.computeIfAbsent(second, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, k -> new LongAdder()).increment();
        long ms = (System.nanoTime() - sent) / 1_000_000;
        slowestPerSecond.computeIfAbsent(second, s -> new AtomicLong()).accumulateAndGet(ms, Math::max);
    }

    private void record(Trader t, String body) {
        acked.add(find(ID, body) + "\t" + t.assessmentId + "\t" + find(STATUS, body));
    }

    /** "201 FILLED", "422 rejected QUOTE_FRESH", "503 service-unavailable retry-after", "no answer (…)", … */
    private static String outcome(HttpResponse<String> r) {
        int status = r.statusCode();
        String body = r.body();
        if (status == 201) {
            return "201 " + find(STATUS, body);
        }
        if (status == 422 && find(CHECK, body) != null) {
            return "422 rejected " + find(CHECK, body);
        }
        String type = find(TYPE, body);
        String retry = status == 503 ? (r.headers().firstValue("Retry-After").isPresent() ? " retry-after" : " NO-retry-after") : "";
        return status + (type == null ? "" : " " + type) + retry;
    }

    private void write(Path out) throws IOException {
        Files.write(out.resolve("acked.tsv"), new ArrayList<>(acked));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("series.tsv")))) {
            new TreeMap<>(perSecond).forEach((second, outcomes) -> outcomes.forEach((outcome, n) ->
                    w.printf("%d\t%s\t%d\t%d%n", second, outcome, n.sum(), slowestPerSecond.get(second).get())));
        }
    }

    private HttpRequest order(Trader t, String side) {
        return HttpRequest.newBuilder(URI.create(core + "/assessments/" + t.assessmentId + "/orders"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + t.accessToken)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"instrument\":\"BTC-USD\",\"side\":\"" + side
                        + "\",\"type\":\"MARKET\",\"qty\":\"0.001\"}"))
                .build();
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
