package com.vaticprop.benchmarks.login;

import org.HdrHistogram.Histogram;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Login throughput and latency of a running core-service, next to the raw cost of the password hash it verifies,
 * measured in the same JVM run. Login is dominated by one Argon2id verification by design (19 MiB, 2 iterations, as
 * core-service's defaults), so the machine's Argon2 throughput is the ceiling login can approach, not exceed.
 *
 * <p>Each request carries an {@code X-Forwarded-For} from a pool of 65,536 addresses: core-service trusts loopback as a
 * proxy, so the per-IP login limit (30 per minute) applies per virtual client as it would behind the ingress, and the
 * benchmark runs against the production limiter settings.
 *
 * <p>usage: {@code LoginLoad <coreUrl> <seconds> <concurrency> [accounts]}
 */
public final class LoginLoad {

    private static final String PASSWORD = "benchmark passphrase 4f2c9e";

    private LoginLoad() {
    }

    public static void main(String[] args) throws Exception {
        String core = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 64;

        HashCost hash = measureHash(seconds);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> emails = register(http, core, accounts);
        run(http, core, emails, Math.max(5, seconds / 3), concurrency); // warm-up
        Result login = run(http, core, emails, seconds, concurrency);

        System.out.println();
        System.out.printf("| measurement | throughput | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        System.out.printf("| raw Argon2id verify, 1 thread | %.1f /s | %.1f | %.1f | %.1f |%n", hash.oneThreadPerSecond,
                ms(hash.latency, 50), ms(hash.latency, 99), hash.latency.getMaxValue() / 1e6);
        System.out.printf("| raw Argon2id verify, %d threads | %.1f /s | | | |%n", hash.threads, hash.allThreadsPerSecond);
        System.out.printf("| POST /auth/login, %d clients | %.1f /s | %.1f | %.1f | %.1f |%n", concurrency,
                login.perSecond, ms(login.latency, 50), ms(login.latency, 99), login.latency.getMaxValue() / 1e6);
        System.out.printf("%nlogin / raw hash throughput (all threads): %.2f; statuses: %s%n",
                login.perSecond / hash.allThreadsPerSecond, login.statuses);
    }

    private record HashCost(double oneThreadPerSecond, double allThreadsPerSecond, int threads, Histogram latency) {
    }

    private record Result(double perSecond, Histogram latency, Map<Integer, Long> statuses) {
    }

    /** Argon2id verification of a stored hash — exactly the work a login does with the password — alone. */
    private static HashCost measureHash(int seconds) throws InterruptedException {
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
        String stored = encoder.encode(PASSWORD);
        long warmUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < warmUntil) {
            encoder.matches(PASSWORD, stored);
        }
        Histogram latency = new Histogram(3);
        long n = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(Math.max(5, seconds / 2)).toNanos();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            if (!encoder.matches(PASSWORD, stored)) {
                throw new IllegalStateException("hash did not verify");
            }
            latency.recordValue(System.nanoTime() - t);
            n++;
        }
        double one = n / ((System.nanoTime() - start) / 1e9);
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong total = new AtomicLong();
        long allEnd = System.nanoTime() + Duration.ofSeconds(Math.max(5, seconds / 2)).toNanos();
        long allStart = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < allEnd) {
                    encoder.matches(PASSWORD, stored);
                    total.incrementAndGet();
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double all = total.get() / ((System.nanoTime() - allStart) / 1e9);
        return new HashCost(one, all, threads, latency);
    }

    private static List<String> register(HttpClient http, String core, int accounts) throws Exception {
        List<String> emails = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < accounts; i++) {
            String email = "bench-" + run + "-" + i + "@example.com";
            HttpResponse<String> r = http.send(json(core + "/auth/register", "{\"email\":\"" + email
                    + "\",\"password\":\"" + PASSWORD + "\"}", forwardedFor()), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("register " + r.statusCode() + ": " + r.body());
            }
            emails.add(email);
        }
        return emails;
    }

    private static Result run(HttpClient http, String core, List<String> emails, int seconds, int concurrency)
            throws InterruptedException {
        Histogram latency = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                Histogram mine = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
                while (System.nanoTime() < end) {
                    String email = emails.get(ThreadLocalRandom.current().nextInt(emails.size()));
                    HttpRequest request = json(core + "/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                            + PASSWORD + "\"}", forwardedFor());
                    long t = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode() == 200 && !r.body().contains("\"accessToken\"") ? -1 : r.statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    mine.recordValue(Math.min(System.nanoTime() - t, mine.getHighestTrackableValue()));
                    statuses.merge(status, 1L, Long::sum);
                    if (status == 200) {
                        ok.incrementAndGet();
                    }
                }
                synchronized (latency) {
                    latency.add(mine);
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / elapsed, latency, new TreeMap<>(statuses));
    }

    private static HttpRequest json(String url, String body, String forwardedFor) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String forwardedFor() {
        int a = ThreadLocalRandom.current().nextInt(65_536);
        return "10.77." + (a >> 8) + "." + (a & 0xff);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
